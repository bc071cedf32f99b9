package io.netform.cli;

import io.netform.core.ProviderFactory;
import io.netform.goplugin.LogLevel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** The entry point of the {@code netform} program. */
public final class Main {

    private Main() {}

    /** Runs Netform and exits with its exit code. */
    public static void main(String[] args) {
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        System.exit(run(args, new Ui(System.out, System.err, color), Path.of("").toAbsolutePath()));
    }

    /** Runs Netform with {@code args}, printing to {@code ui}, as if started in {@code startDir}. */
    public static int run(String[] args, Ui ui, Path startDir) {
        return run(args, ui, startDir, System.getenv());
    }

    /** Runs Netform as {@link #run(String[], Ui, Path)} does, with {@code env} as its environment. */
    public static int run(String[] args, Ui ui, Path startDir, Map<String, String> env) {
        return run(args, ui, startDir, env, ProviderFactory.plugins());
    }

    /**
     * Runs Netform as {@link #run(String[], Ui, Path, Map)} does, its providers coming from {@code providers}
     * (served in-process, say, so that a test sees what the program prints without starting processes).
     */
    public static int run(String[] args, Ui ui, Path startDir, Map<String, String> env, ProviderFactory providers) {
        try (Logging log = Logging.fromEnvironment(env, ui.err(), Clock.systemUTC())) {
            log.log(LogLevel.INFO, "Netform version: " + BuildInfo.version());
            log.log(
                    LogLevel.INFO,
                    "Java runtime: " + Runtime.version() + " on " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch"));
            // Only the command's name: flag values may be secrets (-var), and logs never show those.
            log.log(LogLevel.DEBUG, "Command: " + commandWords(args));
            return run(args, new NetformCommand(ui, startDir, env, log, providers));
        }
    }

    private static String commandWords(String[] args) {
        StringBuilder words = new StringBuilder("netform");
        for (String a : args) {
            if (a.startsWith("-")) {
                break;
            }
            words.append(' ').append(a);
        }
        return words.toString();
    }

    private static int run(String[] args, NetformCommand netform) {
        Ui ui = netform.ui();
        CommandLine cli = new CommandLine(netform);
        String named = commandName(args);
        NetformCommand.COMMANDS.forEach((name, type) -> {
            if (named == null || named.equals(name)) {
                cli.addSubcommand(name, type);
            }
        });
        cli.setOut(new java.io.PrintWriter(ui.out(), true));
        cli.setErr(new java.io.PrintWriter(ui.err(), true));
        cli.setUsageHelpAutoWidth(true);
        // -var and -var-file repeat, and take effect in the order given; other repeated flags keep the last
        // value, as Terraform's flag parsing does.
        cli.setOverwrittenOptionsAllowed(true);
        cli.getCommandSpec().version("Netform v" + BuildInfo.version());
        // Terraform exits 1 for any error, a usage error included.
        exitOnInvalidInput(cli, 1);
        cli.getSubcommands().values().forEach(Main::addHelpOption);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BackendUnavailable unavailable) {
                // Not a crash: the working directory's backend needs init, or cannot be reached.
                new DiagnosticPrinter(ui, unavailable.sources()).print(unavailable.diagnostics());
                return 1;
            }
            return reportCrash(e, ui.err(), netform.log());
        });
        return cli.execute(args);
    }

    /**
     * The subcommand the arguments name (the first word after the global options), or null when
     * they name none Netform has: then every subcommand is registered, for help and suggestions.
     */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-chdir")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return NetformCommand.COMMANDS.containsKey(arg) ? arg : null;
            }
        }
        return null;
    }

    private static void exitOnInvalidInput(CommandLine command, int code) {
        command.getCommandSpec().exitCodeOnInvalidInput(code);
        command.getSubcommands().values().forEach(sub -> exitOnInvalidInput(sub, code));
    }

    /** {@code netform plan -help} (or -h, --help) prints that command's help, as Terraform does. */
    private static void addHelpOption(CommandLine command) {
        command.getCommandSpec()
                .addOption(CommandLine.Model.OptionSpec.builder("-help", "-h", "--help")
                        .usageHelp(true)
                        .description("Show this help output.")
                        .build());
        command.getSubcommands().values().forEach(Main::addHelpOption);
    }

    private static int reportCrash(Exception e, PrintStream err, Logging log) {
        err.println("Error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        log.stackTrace(e);
        return 1;
    }
}
