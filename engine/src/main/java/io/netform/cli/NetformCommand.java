package io.netform.cli;

import io.netform.core.Engine;
import io.netform.core.ProviderFactory;
import io.netform.core.Result;
import io.netform.state.encryption.Encryption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code netform} command: global options and the list of subcommands. */
@Command(
        name = "netform",
        description = "Plan and apply the networking and security of Kubernetes clusters on NSX-T.",
        synopsisSubcommandLabel = "COMMAND")
final class NetformCommand implements Runnable {

    /**
     * The subcommands by name, in the order help lists them. {@link Main} registers only the one a
     * command line names (every one for help or a name it does not know): reading a command's
     * annotations is most of the CLI's own start-up, and a command runs once per process.
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            InitCommand.class,
            ValidateCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            DestroyCommand.class,
            FmtCommand.class,
            VersionCommand.class,
            OutputCommand.class,
            StateCommand.class,
            ShowCommand.class,
            ForceUnlockCommand.class,
            ImportCommand.class,
            TaintCommand.class,
            UntaintCommand.class,
            RefreshCommand.class,
            GraphCommand.class,
            ProvidersCommand.class,
            WorkspaceCommand.class,
            ConsoleCommand.class,
            TestCommand.class);

    private static Map<String, Class<?>> commands(Class<?>... types) {
        Map<String, Class<?>> byName = new java.util.LinkedHashMap<>();
        for (Class<?> type : types) {
            byName.put(type.getAnnotation(Command.class).name(), type);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    private final Ui ui;
    private final Path startDir;
    private final Map<String, String> env;
    private final Logging log;
    private final ProviderFactory providers;

    @Option(
            names = "-chdir",
            paramLabel = "DIR",
            description = "Switch to a different working directory before executing the given subcommand.")
    private Path chdir;

    @Option(
            names = {"-help", "-h", "--help"},
            usageHelp = true,
            description = "Show this help output.")
    private boolean help;

    @Option(
            names = {"-version", "--version"},
            versionHelp = true,
            description = "Show the Netform version.")
    private boolean version;

    NetformCommand(Ui ui, Path startDir, Map<String, String> env, Logging log, ProviderFactory providers) {
        this.ui = ui;
        this.startDir = startDir;
        this.env = Map.copyOf(env);
        this.log = log;
        this.providers = providers;
    }

    /** The engine the commands drive, with this run's providers and log. */
    Engine engine() {
        return new Engine(providers, log.pluginSink(), BuildInfo.version());
    }

    /**
     * How the working directory's state and saved plans are stored (its encryption block and
     * TF_ENCRYPTION), for a command that has no engine session; null after printing on {@code ui} why
     * the encryption configuration is not valid.
     */
    Encryption encryption(Ui ui) {
        Result<Encryption> result = engine().encryption(workingDir(), env, List.of());
        if (result.hasErrors()) {
            new DiagnosticPrinter(ui, result.sources()).print(result.diagnostics());
            return null;
        }
        return result.value();
    }

    /** The environment variables Netform runs with. */
    Map<String, String> env() {
        return env;
    }

    /** Netform's log ({@code NETFORM_LOG}). */
    Logging log() {
        return log;
    }

    /** Whether Netform runs in automation ({@code NETFORM_IN_AUTOMATION} or {@code TF_IN_AUTOMATION} set). */
    boolean inAutomation() {
        return !env.getOrDefault("NETFORM_IN_AUTOMATION", "").isEmpty()
                || !env.getOrDefault("TF_IN_AUTOMATION", "").isEmpty();
    }

    /** Where the UI prints. */
    Ui ui() {
        return ui;
    }

    /** The directory the command works in: {@code -chdir} resolved against where Netform started. */
    Path workingDir() {
        return chdir == null ? startDir : startDir.resolve(chdir).normalize();
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "a command is required; run 'netform -help' for the list of commands");
    }
}
