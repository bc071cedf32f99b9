package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code graph -type=...}: edges point to dependencies, or, for the destroy types, the way a destroy runs. */
class GraphCommandTest {

    private static final String TO_DEPENDENCY = "\"testing_object.b\" -> \"testing_object.a\"";
    private static final String DESTROY_ORDER = "\"testing_object.a\" -> \"testing_object.b\"";

    @TempDir
    Path dir;

    @BeforeEach
    void configuration() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                resource "testing_object" "a" {
                  name = "a"
                }
                resource "testing_object" "b" {
                  name  = "b"
                  value = testing_object.a.id
                }
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "apply", "validate"})
    void buildTypesPointEachResourceAtWhatItDependsOn(String type) {
        CliRun run = CliRun.run(dir, "graph", "-type=" + type);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("digraph").contains(TO_DEPENDENCY).doesNotContain(DESTROY_ORDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan-destroy", "destroy"})
    void destroyTypesPointTheOtherWay(String type) {
        CliRun run = CliRun.run(dir, "graph", "-type=" + type);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(DESTROY_ORDER).doesNotContain(TO_DEPENDENCY);
    }

    @Test
    void anUnknownTypeIsAnErrorListingTheKnownOnes() {
        CliRun run = CliRun.run(dir, "graph", "-type=sideways");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Invalid graph type")
                .contains("\"sideways\"")
                .contains("plan-destroy, destroy");
    }
}
