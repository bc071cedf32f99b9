package io.netform.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code netform} command: global options and the list of subcommands. */
@Command(name = "netform",
        description = "Plan and apply the networking and security of Kubernetes clusters on NSX-T.",
        subcommands = {InitCommand.class, ValidateCommand.class, PlanCommand.class, ApplyCommand.class,
            DestroyCommand.class, FmtCommand.class, VersionCommand.class, OutputCommand.class, StateCommand.class,
            ShowCommand.class, ForceUnlockCommand.class, ImportCommand.class, RefreshCommand.class, GraphCommand.class,
            ProvidersCommand.class},
        synopsisSubcommandLabel = "COMMAND")
final class NetformCommand implements Runnable {

    private final Ui ui;
    private final Path startDir;

    @Option(names = "-chdir", paramLabel = "DIR",
            description = "Switch to a different working directory before executing the given subcommand.")
    private Path chdir;

    @Option(names = {"-help", "-h", "--help"}, usageHelp = true, description = "Show this help output.")
    private boolean help;

    @Option(names = {"-version", "--version"}, versionHelp = true, description = "Show the Netform version.")
    private boolean version;

    NetformCommand(Ui ui, Path startDir) {
        this.ui = ui;
        this.startDir = startDir;
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
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "a command is required; run 'netform -help' for the list of commands");
    }
}
