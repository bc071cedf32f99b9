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
            assertThat(run.out()).contains("Usage: netform plan").contains("-out=PATH").contains("-detailed-exitcode")
                    .contains("-json").contains("-compact-warnings");
        }
        CliRun nested = CliRun.run(dir, "state", "list", "-help");
        assertThat(nested.exitCode()).isZero();
        assertThat(nested.out()).contains("Usage: netform state list");
    }
}
