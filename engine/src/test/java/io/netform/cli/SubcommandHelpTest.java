package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubcommandHelpTest {

    @TempDir
    Path dir;

    @Test
    void helpAfterASubcommandPrintsThatCommandsFlagsAndSucceeds() {
        for (String help : new String[] {"-help", "-h", "--help"}) {
            CliRun run = CliRun.run(dir, "plan", help);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains("Usage: netform plan")
                    .contains("-out=PATH")
                    .contains("-detailed-exitcode")
                    .contains("-json")
                    .contains("-compact-warnings");
        }
        CliRun nested = CliRun.run(dir, "state", "list", "-help");
        assertThat(nested.exitCode()).isZero();
        assertThat(nested.out()).contains("Usage: netform state list");
    }

    @Test
    void helpListsEveryCommandInOrderAndChdirBeforeACommandIsAllowed() {
        CliRun help = CliRun.run(dir, "-help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .containsSubsequence(
                        "init",
                        "validate",
                        "plan",
                        "apply",
                        "destroy",
                        "fmt",
                        "version",
                        "output",
                        "state",
                        "show",
                        "force-unlock",
                        "import",
                        "refresh",
                        "graph",
                        "providers",
                        "workspace",
                        "console");
        CliRun chdir = CliRun.run(dir, "-chdir", ".", "version");
        assertThat(chdir.exitCode()).isZero();
        assertThat(chdir.out()).startsWith("Netform v");
    }

    @Test
    void theCommandNamedIsTheFirstWordAfterTheGlobalOptions() {
        assertThat(Main.commandName(new String[] {"plan", "-out=x"})).isEqualTo("plan");
        assertThat(Main.commandName(new String[] {"-chdir", "dir", "state", "list"}))
                .isEqualTo("state");
        assertThat(Main.commandName(new String[] {"-chdir=dir", "apply"})).isEqualTo("apply");
        assertThat(Main.commandName(new String[] {"plna"})).isNull();
        assertThat(Main.commandName(new String[] {"-help"})).isNull();
    }
}
