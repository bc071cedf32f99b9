package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.hcl.Diagnostic;
import io.netform.state.State;
import io.netform.value.Value;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As in Terraform 1.9, a variable's validation may refer to other variables, locals and data sources. */
class VariableValidationTest {

    @TempDir
    Path dir;

    private List<String> planned(String main, Map<String, Value> variables) throws Exception {
        Files.writeString(dir.resolve("main.tf"), main);
        PlanResult result = Planner.plan(
                FakeWalks.context(dir, new FakeProvider(), variables), State.empty("0.1.0"), PlanOptions.defaults());
        return FakeWalks.shown(result.diagnostics());
    }

    private static final String BOUNDS = """
            variable "max" {
              type = number
            }
            variable "n" {
              type = number
              validation {
                condition     = var.n <= var.max
                error_message = "n must be at most ${var.max}."
              }
            }
            """;

    @Test
    void aRuleMayCompareWithAnotherVariable() throws Exception {
        assertThat(planned(BOUNDS, Map.of("max", Value.number(3), "n", Value.number(2))))
                .isEmpty();
        assertThat(planned(BOUNDS, Map.of("max", Value.number(3), "n", Value.number(5))))
                .containsExactly(
                        "error main.tf:4:10: Invalid value for variable: n must be at most 3.\n\nThis was checked by the "
                                + "validation rule at main.tf:6:3.");
    }

    @Test
    void aRuleMayReferToLocalsAndDataSources() throws Exception {
        String main = """
                locals {
                  suffix = "-net"
                }
                data "testing_echo" "allowed" {
                  input = ["dev", "prod"]
                }
                variable "env" {
                  type = string
                  validation {
                    condition     = contains(data.testing_echo.allowed.output, var.env)
                    error_message = "env must be one of ${join(", ", data.testing_echo.allowed.output)}."
                  }
                  validation {
                    condition     = endswith("${var.env}${local.suffix}", "-net")
                    error_message = "unreachable"
                  }
                }
                resource "testing_object" "a" {
                  name = "${var.env}${local.suffix}"
                }
                """;
        assertThat(planned(main, Map.of("env", Value.string("dev")))).isEmpty();
        assertThat(planned(main, Map.of("env", Value.string("test"))))
                .containsExactly(
                        "error main.tf:7:10: Invalid value for variable: env must be one of dev, prod.\n\nThis was checked "
                                + "by the validation rule at main.tf:9:3.");
    }

    @Test
    void aChildModulesRuleIsReportedAtTheCallsArgument() throws Exception {
        Files.createDirectory(dir.resolve("m"));
        Files.writeString(dir.resolve("m/main.tf"), BOUNDS);
        assertThat(planned("""
                module "m" {
                  source = "./m"
                  max    = 3
                  n      = 4
                }
                """, Map.of()))
                .containsExactly("error main.tf:4:12: Invalid value for variable: n must be at most 3."
                        + "\n\nThis was checked by the validation rule at m/main.tf:6:3.");
    }

    @Test
    void itsReferencesAreCheckedWithTheRestOfTheConfiguration() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "n" {
                  validation {
                    condition     = var.n != local.missing
                    error_message = "no"
                  }
                }
                """);
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraphBuilder.build(ModuleLoader.load(dir).root()).into(diagnostics);
        assertThat(diagnostics)
                .extracting(d -> d.subject() + " " + d.summary())
                .containsExactly("main.tf:3:30 Reference to undeclared local value");
    }
}
