package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom conditions and check blocks, through the CLI run in-process with the testing provider. */
class ConditionsAndChecksIT {

    @TempDir
    Path dir;

    @Test
    void aFailedPreconditionStopsThePlanWithTheMessageAndItsSource() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "env" {
                  default = "staging"
                }
                resource "testing_object" "a" {
                  name = "a-${var.env}"
                  lifecycle {
                    precondition {
                      condition     = contains(["dev", "prod"], var.env)
                      error_message = "env must be dev or prod."
                    }
                  }
                }
                """);
        w.ok("init");
        var plan = w.run("plan", "-no-color");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("main.tf:14:23: Resource precondition failed")
                .contains("env must be dev or prod.")
                .contains("with testing_object.a")
                .contains("condition     = contains([\"dev\", \"prod\"], var.env)");
        assertThat(plan.out()).doesNotContain("Plan:");
        var apply = w.run("apply", "-auto-approve", "-no-color");
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(w.names()).isEmpty();
        w.ok("apply", "-auto-approve", "-no-color", "-var", "env=dev");
        assertThat(w.names()).containsExactly("a-dev");
    }

    @Test
    void aPostconditionFailingAfterCreateLeavesTheObjectInStateAndSkipsItsDependents() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                resource "testing_object" "a" {
                  name = "a"
                  lifecycle {
                    postcondition {
                      condition     = self.id == "not-an-id"
                      error_message = "The object got id ${self.id}."
                    }
                  }
                }
                resource "testing_object" "b" {
                  name  = "b"
                  value = testing_object.a.id
                }
                """);
        w.ok("init");
        var apply = w.run("apply", "-auto-approve", "-no-color");
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.out()).contains("testing_object.a: Creation complete");
        assertThat(apply.err())
                .contains("main.tf:11:23: Resource postcondition failed")
                .contains("The object got id " + w.id("a") + ".");
        assertThat(w.names()).containsExactly("a");
        assertThat(w.state().path("resources")).hasSize(1);
        assertThat(w.state().path("resources").get(0).path("name").asText()).isEqualTo("a");
    }

    @Test
    void anOutputPreconditionIsCheckedBeforeTheOutputIsTaken() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "port" {
                  default = 80
                }
                output "port" {
                  value = var.port
                  precondition {
                    condition     = var.port > 1024
                    error_message = "Use an unprivileged port."
                  }
                }
                """);
        w.ok("init");
        var plan = w.run("plan", "-no-color");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("Module output value precondition failed")
                .contains("Use an unprivileged port.")
                .contains("with output.port");
        assertThat(w.ok("plan", "-no-color", "-var", "port=8080").out()).contains("+ port = \"8080\"");
    }

    @Test
    void checksWarnButNeverBlockAndTheirResultsFollowTheApplySummary() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                resource "testing_object" "web" {
                  name = "web"
                }
                check "web_answers" {
                  data "testing_echo" "probe" {
                    input = testing_object.web.id
                  }
                  assert {
                    condition     = data.testing_echo.probe.output == testing_object.web.id
                    error_message = "web does not answer."
                  }
                }
                check "web_is_named_api" {
                  assert {
                    condition     = testing_object.web.name == "api"
                    error_message = "The server is called ${testing_object.web.name}, not api."
                  }
                }
                """);
        w.ok("init");
        var plan = w.ok("plan", "-no-color", "-out=tfplan");
        PlanJsonContract.show(w, "tfplan");
        assertThat(plan.out())
                .contains("Plan: 1 to add, 0 to change, 0 to destroy.")
                .contains("Checks: 0 passed, 1 failed, 1 to be checked during apply.")
                .contains("check.web_answers: will be checked during apply")
                .contains("check.web_is_named_api: failed: The server is called web, not api.")
                .doesNotContain("testing_echo.probe will be read");
        assertThat(plan.err()).contains("Warning: Check block assertion failed").doesNotContain("Error");

        var apply = w.ok("apply", "-auto-approve", "-no-color");
        String out = apply.out();
        assertThat(out)
                .contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.")
                .contains("Checks: 1 passed, 1 failed.")
                .contains("check.web_answers: passed")
                .contains("check.web_is_named_api: failed: The server is called web, not api.");
        assertThat(out.indexOf("Checks:")).isGreaterThan(out.indexOf("Apply complete!"));
        assertThat(apply.err())
                .contains("main.tf:21:21: Warning: Check block assertion failed")
                .contains("with check.web_is_named_api");
        assertThat(w.names()).containsExactly("web");
        assertThat(w.state().path("resources")).hasSize(1);

        var again = w.run("plan", "-detailed-exitcode", "-no-color");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Checks: 1 passed, 1 failed.");
    }

    @Test
    void aScopedDataSourceThatFailsIsAWarningAndTheApplyGoesOn() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                resource "testing_object" "a" {
                  name = "a"
                }
                check "broken_probe" {
                  data "testing_echo" "probe" {
                    input = tonumber("seven")
                  }
                  assert {
                    condition     = data.testing_echo.probe.output == 7
                    error_message = "seven is not 7."
                  }
                }
                """);
        w.ok("init");
        var apply = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(apply.out())
                .contains("Apply complete! Resources: 1 added")
                .contains("check.broken_probe: could not be evaluated");
        assertThat(apply.err()).contains("Warning: Invalid function argument").doesNotContain("Error:");
        assertThat(w.names()).containsExactly("a");
    }

    @Test
    void validateAcceptsChecksAndReportsBadReferencesAndArgumentsTheSchemaLacks() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                check "ok" {
                  data "testing_echo" "probe" {
                    input = "x"
                  }
                  assert {
                    condition     = data.testing_echo.probe.output == "x"
                    error_message = "x"
                  }
                }
                """);
        w.ok("init");
        assertThat(w.ok("validate", "-no-color").out()).contains("Success! The configuration is valid.");
        w.config("""
                check "bad" {
                  assert {
                    condition     = testing_object.missing.id != ""
                    error_message = "x"
                  }
                }
                output "leak" {
                  value = data.testing_echo.elsewhere.output
                }
                check "other" {
                  data "testing_echo" "elsewhere" {
                    input = "x"
                  }
                  assert {
                    condition     = true
                    error_message = "x"
                  }
                }
                """);
        var invalid = w.run("validate", "-no-color");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err())
                .contains("main.tf:9:21: Reference to undeclared resource")
                .contains("main.tf:14:11: Reference to scoped resource");

        // validate also checks each block against its provider's schema, as Terraform's does
        w.config("""
                resource "testing_object" "a" {
                  name  = "a"
                  valeu = "x"
                }
                """);
        var unsupported = w.run("validate", "-no-color");
        assertThat(unsupported.exitCode()).isEqualTo(1);
        assertThat(unsupported.err())
                .contains("main.tf:9:3: Unsupported argument")
                .contains("Did you mean \"value\"?");
    }
}
