package io.netform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.AddressParser;
import io.netform.hcl.Diagnostic;
import io.netform.planner.PlanOptions;
import io.netform.planner.PlanResult;
import io.netform.planner.Planner;
import io.netform.state.State;
import io.netform.state.WorkingState;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom conditions and check blocks as an apply evaluates them, with what plan could not know. */
class ConditionsAndChecksApplyTest {

    @TempDir
    Path dir;

    final FakeProvider provider = new FakeProvider();
    State state = State.empty("0.1.0");

    /** Plans (which must succeed) and applies {@code main}. */
    ApplyResult planAndApply(String main) throws IOException {
        Files.writeString(dir.resolve("main.tf"), main);
        PlanResult planned = Planner.plan(FakeWalks.context(dir, provider, Map.of()), state, PlanOptions.defaults());
        assertThat(planned.diagnostics()).noneMatch(Diagnostic::isError);
        WorkingState working = new WorkingState(planned.plan().priorState());
        ApplyResult result = Applier.apply(
                FakeWalks.context(dir, provider, Map.of()), planned.plan(), working::apply, ApplyHooks.NONE, 10);
        state = working.snapshot();
        return result;
    }

    static List<String> shown(ApplyResult r) {
        return FakeWalks.shown(r.diagnostics());
    }

    @Test
    void aPostconditionUnknownAtPlanFailsAtApplyKeepingTheObjectAndSkippingItsDependents() throws IOException {
        ApplyResult r = planAndApply("""
                resource "testing_object" "a" {
                  name = "a"
                  lifecycle {
                    postcondition {
                      condition     = self.id != "id-a"
                      error_message = "The provider gave ${self.id}."
                    }
                  }
                }
                resource "testing_object" "b" {
                  name  = "b"
                  value = testing_object.a.id
                }
                """);
        assertThat(shown(r))
                .containsExactly("error main.tf:5:23: Resource postcondition failed: The provider gave "
                        + "id-a.\n\n  with testing_object.a");
        assertThat(state.current(AddressParser.parseInstance("testing_object.a")))
                .isPresent();
        assertThat(state.current(AddressParser.parseInstance("testing_object.b")))
                .isEmpty();
        assertThat(provider.cloud).containsOnlyKeys("id-a");
        assertThat(r.checks()).isEmpty();
    }

    @Test
    void checksRunAtTheEndOfApplyWithTheNewObjectsAndNeverStopIt() throws IOException {
        String main = """
                resource "testing_object" "web" {
                  name = "web"
                }
                check "web_answers" {
                  data "testing_echo" "probe" {
                    input = testing_object.web.id
                  }
                  assert {
                    condition     = data.testing_echo.probe.output == "id-web"
                    error_message = "web does not answer"
                  }
                }
                check "web_is_api" {
                  assert {
                    condition     = testing_object.web.id == "id-api"
                    error_message = "web is ${testing_object.web.id}, not id-api"
                  }
                }
                """;
        ApplyResult r = planAndApply(main);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.checks())
                .extracting(c -> c.address() + " " + c.status())
                .containsExactly("check.web_answers PASS", "check.web_is_api FAIL");
        assertThat(shown(r))
                .containsExactly("warning main.tf:15:21: Check block assertion failed: web is id-web, "
                        + "not id-api\n\n  with check.web_is_api");
        assertThat(state.resources().keySet()).extracting(Object::toString).containsExactly("testing_object.web");
    }
}
