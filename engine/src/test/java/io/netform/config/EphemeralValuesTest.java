package io.netform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform 1.10's ephemeral variables and outputs are refused with an error at the argument, never ignored. */
class EphemeralValuesTest {

    @TempDir
    Path dir;

    private LoadResult load(String main) throws Exception {
        Files.writeString(dir.resolve("main.tf"), main);
        return ModuleLoader.load(dir);
    }

    @Test
    void anEphemeralVariableIsRefusedAtItsArgument() throws Exception {
        LoadResult loaded = load("""
                variable "token" {
                  type      = string
                  ephemeral = true
                }
                """);
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.subject()).hasToString("main.tf:3:3");
            assertThat(d.summary()).isEqualTo("Ephemeral values are not supported");
            assertThat(d.detail()).contains("ephemeral variable would still be written to plan files and state");
        });
    }

    @Test
    void anEphemeralOutputIsRefusedAtItsArgument() throws Exception {
        LoadResult loaded = load("""
                output "token" {
                  value     = "x"
                  ephemeral = true
                }
                """);
        assertThat(loaded.diagnostics())
                .extracting(d -> d.subject() + " " + d.summary())
                .containsExactly("main.tf:3:3 Ephemeral values are not supported");
    }

    @Test
    void ephemeralFalseMeansWhatNetformDoesAnyway() throws Exception {
        LoadResult loaded = load("""
                variable "token" {
                  ephemeral = false
                }
                output "token" {
                  value     = var.token
                  ephemeral = false
                }
                """);
        assertThat(loaded.diagnostics()).isEmpty();
    }
}
