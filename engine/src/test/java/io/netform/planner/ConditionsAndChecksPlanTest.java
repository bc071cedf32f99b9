package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.CheckStatus;
import io.netform.hcl.Diagnostic;
import io.netform.plan.CheckResult;
import io.netform.plan.Plan;
import io.netform.state.State;
import io.netform.value.Value;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom conditions and check blocks as a plan evaluates them. */
class ConditionsAndChecksPlanTest {

    @TempDir
    Path dir;

    final FakeProvider provider = new FakeProvider();

    PlanResult plan(String main, Map<String, Value> variables) throws IOException {
        Files.writeString(dir.resolve("main.tf"), main);
        return Planner.plan(FakeWalks.context(dir, provider, variables), State.empty("0.1.0"), PlanOptions.defaults());
    }

    static List<String> shown(PlanResult r) {
        return FakeWalks.shown(r.diagnostics());
    }

    static final String GUARDED = """
            variable "env" {}
            resource "testing_object" "a" {
              name = "a-${var.env}"
              lifecycle {
                precondition {
                  condition     = contains(["dev", "prod"], var.env)
                  error_message = "env must be dev or prod, not ${var.env}."
                }
                postcondition {
                  condition     = self.name != "a-prod" || self.id != ""
                  error_message = "checked once the id is known"
                }
                postcondition {
                  condition     = length(self.name) < 8
                  error_message = "The name ${self.name} is too long."
                }
              }
            }
            resource "testing_object" "b" {
              name = testing_object.a.name
            }
            """;

    @Test
    void aFailedPreconditionStopsThePlanNamingTheResourceAndItsDependentsAreNotPlanned() throws IOException {
        PlanResult r = plan(GUARDED, Map.of("env", Value.string("test")));
        assertThat(r.hasErrors()).isTrue();
        assertThat(shown(r))
                .containsExactly("error main.tf:6:23: Resource precondition failed: env must be dev or "
                        + "prod, not test.\n\n  with testing_object.a");
        assertThat(r.plan().changes()).isEmpty();
    }

    @Test
    void postconditionsSeeThePlannedObjectAndWaitForApplyWhenItIsNotKnownYet() throws IOException {
        PlanResult ok = plan(GUARDED, Map.of("env", Value.string("prod")));
        assertThat(shown(ok)).isEmpty();
        assertThat(ok.plan().changes())
                .extracting(c -> c.address().toString())
                .containsExactly("testing_object.a", "testing_object.b");

        PlanResult tooLong =
                plan(GUARDED.replace("\"a-${var.env}\"", "\"abcdef-${var.env}\""), Map.of("env", Value.string("dev")));
        assertThat(shown(tooLong))
                .containsExactly("error main.tf:14:23: Resource postcondition failed: The name "
                        + "abcdef-dev is too long.\n\n  with testing_object.a");
    }

    @Test
    void anOutputPreconditionThatFailsIsAnErrorExceptInADestroy() throws IOException {
        PlanResult r = plan("""
                variable "port" {}
                output "port" {
                  value = var.port
                  precondition {
                    condition     = var.port > 1024
                    error_message = "Use an unprivileged port."
                  }
                }
                """, Map.of("port", Value.number(80)));
        assertThat(shown(r))
                .containsExactly("error main.tf:5:21: Module output value precondition failed: Use an "
                        + "unprivileged port.\n\n  with output.port");
        PlanResult destroy = Planner.plan(
                FakeWalks.context(dir, provider, Map.of("port", Value.number(80))),
                State.empty("0.1.0"),
                new PlanOptions(Plan.Mode.DESTROY, true, Set.of(), List.of(), 10));
        assertThat(destroy.diagnostics()).isEmpty();
    }

    @Test
    void checksPassFailOrWaitForApplyAndOnlyEverWarn() throws IOException {
        PlanResult r = plan("""
                resource "testing_object" "web" {
                  name = "web"
                }
                check "known" {
                  data "testing_echo" "probe" {
                    input = "pong"
                  }
                  assert {
                    condition     = data.testing_echo.probe.output == "pong"
                    error_message = "no pong"
                  }
                }
                check "wrong" {
                  assert {
                    condition     = testing_object.web.name == "api"
                    error_message = "The server is called ${testing_object.web.name}."
                  }
                }
                check "later" {
                  data "testing_echo" "probe_web" {
                    input = testing_object.web.name
                  }
                  assert {
                    condition     = data.testing_echo.probe_web.output == "web"
                    error_message = "web does not answer"
                  }
                }
                """, Map.of());
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.checks())
                .extracting(c -> c.address() + " " + c.status() + " " + c.failures())
                .containsExactly(
                        "check.known PASS []",
                        "check.wrong FAIL [The server is called web.]",
                        "check.later UNKNOWN []");
        assertThat(shown(r))
                .containsExactly("warning main.tf:15:21: Check block assertion failed: The server is "
                        + "called web.\n\n  with check.wrong");
        assertThat(r.plan().changes()).extracting(c -> c.address().toString()).containsExactly("testing_object.web");
    }

    @Test
    void aScopedDataSourceThatCannotBeReadIsAWarningAndItsCheckAnError() throws IOException {
        PlanResult r = plan("""
                check "broken" {
                  data "testing_echo" "probe" {
                    input = tonumber("seven")
                  }
                  assert {
                    condition     = data.testing_echo.probe.output != null
                    error_message = "x"
                  }
                }
                """, Map.of());
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.checks()).singleElement().extracting(CheckResult::status).isEqualTo(CheckStatus.ERROR);
        assertThat(r.diagnostics()).isNotEmpty().noneMatch(Diagnostic::isError);
    }
}
