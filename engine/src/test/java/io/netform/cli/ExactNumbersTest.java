package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers with more digits than a double holds keep every digit through a saved plan, its plan JSON,
 * the state an apply writes and the next command that reads that state, as Terraform's do.
 */
class ExactNumbersTest {
    private static final String BIG = "123456789012345678901234567890.5";
    private static final String TINY = "0.1000000000000000000000000000001";

    @TempDir
    Path dir;

    @Test
    void thirtyDigitNumbersSurviveAPlanFileItsJsonAndState() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                output "big" {
                  value = %s
                }
                output "tiny" {
                  value = %s
                }
                """.formatted(BIG, TINY));

        assertThat(CliRun.run(dir, "plan", "-out=tfplan").exitCode()).isZero();
        CliRun json = CliRun.run(dir, "show", "-json", "tfplan");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"after\":" + BIG + ",").contains("\"after\":" + TINY + ",");

        assertThat(CliRun.run(dir, "apply", "tfplan").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("terraform.tfstate")))
                .contains("\"value\": " + BIG + ",")
                .contains("\"value\": " + TINY + ",");

        // the next apply reads that state and writes it again
        assertThat(CliRun.run(dir, "apply", "-auto-approve").exitCode()).isZero();
        assertThat(CliRun.run(dir, "state", "pull").out())
                .contains("\"value\": " + BIG + ",")
                .contains("\"value\": " + TINY + ",");
        assertThat(CliRun.run(dir, "output", "-json", "big").out().strip()).isEqualTo(BIG);
        assertThat(CliRun.run(dir, "output", "tiny").out()).isEqualTo(TINY + "\n");
    }
}
