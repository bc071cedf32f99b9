package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} checks the module's test files too, as {@code terraform validate} does, unless {@code -no-tests}. */
class ValidateTestFilesTest {

    private static final String BROKEN = """
            run "first" {
              comand = plan
            }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void aValidModule() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "variable \"x\" {\n  default = 1\n}\n");
    }

    @Test
    void aTestFileWithAnErrorMakesTheModuleInvalidAndIsNamedWithItsPlace() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/main.tftest.hcl"), BROKEN);

        CliRun run = CliRun.run(dir, "validate", "-no-color");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("tests/main.tftest.hcl:2:3").contains("comand = plan");
        assertThat(run.out()).doesNotContain("Success!");

        CliRun json = CliRun.run(dir, "validate", "-json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode out = new ObjectMapper().readTree(json.out());
        assertThat(out.path("valid").asBoolean()).isFalse();
        JsonNode first = out.path("diagnostics").get(0);
        assertThat(first.path("range").path("filename").asText()).isEqualTo("tests/main.tftest.hcl");
        assertThat(first.path("range").path("start").path("line").asInt()).isEqualTo(2);
    }

    @Test
    void noTestsSkipsThemAndTestDirectoryPointsElsewhere() throws Exception {
        Files.createDirectories(dir.resolve("checks"));
        Files.writeString(dir.resolve("checks/main.tftest.hcl"), BROKEN);

        CliRun defaultDirectory = CliRun.run(dir, "validate", "-no-color");
        assertThat(defaultDirectory.exitCode()).as(defaultDirectory.err()).isZero();
        assertThat(defaultDirectory.out()).contains("Success! The configuration is valid.");

        CliRun elsewhere = CliRun.run(dir, "validate", "-no-color", "-test-directory=checks");
        assertThat(elsewhere.exitCode()).isEqualTo(1);
        assertThat(elsewhere.err()).contains("checks/main.tftest.hcl:2:3");

        CliRun skipped = CliRun.run(dir, "validate", "-no-color", "-test-directory=checks", "-no-tests");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
    }

    @Test
    void expectFailuresMayListOnlyObjectsWithConditions() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/main.tftest.hcl"), """
                run "conditions" {
                  command         = plan
                  expect_failures = [var.x, local.prefix, module.net["a"].id, output.id, check.up]
                }
                """);

        CliRun run = CliRun.run(dir, "validate", "-no-color");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("tests/main.tftest.hcl:3:29")
                .contains("Invalid `expect_failures` reference")
                .contains("You cannot expect failures from local.prefix. You can only expect failures from "
                        + "checkable objects such as input variables, output values, check blocks, managed "
                        + "resources and data sources.")
                .contains("You cannot expect failures from module.net[\"a\"].id.")
                .doesNotContain("from var.x")
                .doesNotContain("from output.id")
                .doesNotContain("from check.up");
    }

    @Test
    void anOverrideOfSomethingTheModuleLacksIsWarnedAboutAndStillValid() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/main.tftest.hcl"), """
                override_resource {
                  target = testing_object.web
                }
                run "first" {
                  command = plan
                  override_data {
                    target = data.testing_lookup.zone
                  }
                }
                """);

        CliRun run = CliRun.run(dir, "validate", "-no-color");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err())
                .contains("tests/main.tftest.hcl:2:3: Warning: Invalid override target")
                .contains("The override target testing_object.web does not exist within the configuration under test.")
                .contains("(and one more similar warning elsewhere)");

        CliRun json = CliRun.run(dir, "validate", "-json");
        assertThat(json.exitCode()).isZero();
        JsonNode out = new ObjectMapper().readTree(json.out());
        assertThat(out.path("valid").asBoolean()).isTrue();
        assertThat(out.path("warning_count").asInt()).isEqualTo(2);
        assertThat(out.path("diagnostics").get(1).path("detail").asText())
                .startsWith("The override target data.testing_lookup.zone does not exist");
        assertThat(out.path("diagnostics")
                        .get(1)
                        .path("range")
                        .path("start")
                        .path("line")
                        .asInt())
                .isEqualTo(7);

        CliRun skipped = CliRun.run(dir, "validate", "-no-color", "-no-tests");
        assertThat(skipped.out() + skipped.err()).doesNotContain("Invalid override target");
    }
}
