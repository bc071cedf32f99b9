package io.netform.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine;

/** The entry point of the {@code netform} program. */
public final class Main {

    private Main() {
    }

    /** Runs Netform and exits with its exit code. */
    public static void main(String[] args) {
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        System.exit(run(args, new Ui(System.out, System.err, color), Path.of("").toAbsolutePath()));
    }

    /** Runs Netform with {@code args}, printing to {@code ui}, as if started in {@code startDir}. */
    public static int run(String[] args, Ui ui, Path startDir) {
        CommandLine cli = new CommandLine(new NetformCommand(ui, startDir));
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
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> reportCrash(e, ui.err()));
        return cli.execute(args);
    }

    private static void exitOnInvalidInput(CommandLine command, int code) {
        command.getCommandSpec().exitCodeOnInvalidInput(code);
        command.getSubcommands().values().forEach(sub -> exitOnInvalidInput(sub, code));
    }

    /** {@code netform plan -help} (or -h, --help) prints that command's help, as Terraform does. */
    private static void addHelpOption(CommandLine command) {
        command.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-help", "-h", "--help")
                .usageHelp(true).description("Show this help output.").build());
        command.getSubcommands().values().forEach(Main::addHelpOption);
    }

    private static int reportCrash(Exception e, PrintStream err) {
        err.println("Error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        if (Logging.debugEnabled()) {
            e.printStackTrace(err);
        }
        return 1;
    }
}
