package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guards against null variables, through the CLI as a user types them into {@code netform console}. */
class ConsoleGuardsTest {

    @TempDir
    Path dir;

    @Test
    void aNullVariableCanBeTestedBeforeItIsUsed() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "x" {
                  type    = string
                  default = null
                }
                variable "o" {
                  type    = object({ enabled = bool })
                  default = null
                }
                """);
        CliRun run = CliRun.withInput(dir, Map.of(), """
                var.x != null ? upper(var.x) : "default"
                var.o != null && var.o.enabled
                var.o == null || var.o.enabled
                [for s in [] : s if tobool("yes")]
                """, "console");
        assertThat(run.out()).isEqualTo("""
                "default"
                false
                true
                """);
        assertThat(run.err()).contains("Invalid function argument").contains("cannot convert \"yes\" to bool");
    }
}
