package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.apply.Applier;
import io.netform.apply.ApplyHooks;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.plan.Plan;
import io.netform.plan.PlanJson;
import io.netform.state.State;
import io.netform.state.WorkingState;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lifecycle.replace_triggered_by replaces an instance when what it refers to changes, as in Terraform. */
class ReplaceTriggeredByTest {

    @TempDir
    Path dir;

    private final FakeProvider provider = new FakeProvider();

    /** Applies {@code main} to an empty state and returns the state it leaves. */
    private State applied(String main) throws Exception {
        Files.writeString(dir.resolve("main.tf"), main);
        Plan plan = Planner.plan(
                        FakeWalks.context(dir, provider, Map.of()), State.empty("0.1.0"), PlanOptions.defaults())
                .plan();
        WorkingState working = new WorkingState(plan.priorState());
        Applier.apply(FakeWalks.context(dir, provider, Map.of()), plan, working::apply, ApplyHooks.NONE, 10);
        return working.snapshot();
    }

    private PlanResult plan(String main, State prior) throws Exception {
        Files.writeString(dir.resolve("main.tf"), main);
        return Planner.plan(FakeWalks.context(dir, provider, Map.of()), prior, PlanOptions.defaults());
    }

    private static List<String> actions(PlanResult result) {
        assertThat(result.diagnostics()).isEmpty();
        return result.plan().changes().stream()
                .map(c -> c.address() + " " + c.action() + " " + c.reason())
                .toList();
    }

    private static String pair(String aValue, String trigger) {
        return """
                resource "testing_object" "a" {
                  name  = "a"
                  value = "%s"
                }
                resource "testing_object" "b" {
                  name = "b"
                  lifecycle {
                    replace_triggered_by = [%s]
                  }
                }
                """.formatted(aValue, trigger);
    }

    @Test
    void anUpdateOfTheReferencedResourceReplacesTheInstance() throws Exception {
        State state = applied(pair("1", "testing_object.a"));
        PlanResult result = plan(pair("2", "testing_object.a"), state);
        assertThat(actions(result))
                .containsExactly(
                        "testing_object.a UPDATE NONE", "testing_object.b DELETE_THEN_CREATE REPLACE_BY_TRIGGERS");

        JsonNode json = PlanJson.encode(
                result.plan(),
                FakeWalks.context(dir, provider, Map.of()).graph(),
                Map.of(result.plan().changes().get(0).provider().source(), provider.schema()),
                "0.1.0",
                java.time.Instant.EPOCH);
        assertThat(json.path("resource_changes").get(1).path("action_reason").asText())
                .isEqualTo("replace_by_triggers");
        assertThat(json.path("resource_changes")
                        .get(1)
                        .path("change")
                        .path("actions")
                        .toString())
                .isEqualTo("[\"delete\",\"create\"]");
    }

    @Test
    void withoutAChangeNothingIsReplaced() throws Exception {
        State state = applied(pair("1", "testing_object.a"));
        assertThat(actions(plan(pair("1", "testing_object.a"), state)))
                .containsExactly("testing_object.a NO_OP NONE", "testing_object.b NO_OP NONE");
    }

    @Test
    void anAttributeTriggersOnlyWhenItsOwnValueChanges() throws Exception {
        String main = """
                resource "testing_object" "a" {
                  name   = "a"
                  value  = "%s"
                  secret = "%s"
                }
                resource "testing_object" "b" {
                  name = "b"
                  lifecycle {
                    replace_triggered_by = [testing_object.a.secret]
                  }
                }
                """;
        State state = applied(main.formatted("1", "s"));
        assertThat(actions(plan(main.formatted("2", "s"), state)))
                .containsExactly("testing_object.a UPDATE NONE", "testing_object.b NO_OP NONE");
        assertThat(actions(plan(main.formatted("1", "t"), state)))
                .containsExactly(
                        "testing_object.a UPDATE NONE", "testing_object.b DELETE_THEN_CREATE REPLACE_BY_TRIGGERS");
    }

    @Test
    void countIndexPicksTheMatchingInstance() throws Exception {
        String main = """
                resource "testing_object" "a" {
                  count = 2
                  name  = "a-${count.index}"
                  value = count.index == 1 ? "%s" : "0"
                }
                resource "testing_object" "b" {
                  count = 2
                  name  = "b-${count.index}"
                  lifecycle {
                    create_before_destroy = true
                    replace_triggered_by  = [testing_object.a[count.index].value]
                  }
                }
                """;
        State state = applied(main.formatted("1"));
        assertThat(actions(plan(main.formatted("2"), state)))
                .containsExactly(
                        "testing_object.a[0] NO_OP NONE",
                        "testing_object.a[1] UPDATE NONE",
                        "testing_object.b[0] NO_OP NONE",
                        "testing_object.b[1] CREATE_THEN_DELETE REPLACE_BY_TRIGGERS");
    }

    @Test
    void aWholeResourceTriggersOnAnyOfItsInstancesAndEachKeyOnItsOwn() throws Exception {
        String main = """
                resource "testing_object" "a" {
                  for_each = toset(["x", "y"])
                  name     = each.key
                  value    = each.key == "y" ? "%s" : "0"
                }
                resource "testing_object" "all" {
                  name = "all"
                  lifecycle {
                    replace_triggered_by = [testing_object.a]
                  }
                }
                resource "testing_object" "each" {
                  for_each = toset(["x", "y"])
                  name     = "each-${each.key}"
                  lifecycle {
                    replace_triggered_by = [testing_object.a[each.key]]
                  }
                }
                """;
        State state = applied(main.formatted("1"));
        assertThat(actions(plan(main.formatted("2"), state)))
                .contains(
                        "testing_object.all DELETE_THEN_CREATE REPLACE_BY_TRIGGERS",
                        "testing_object.each[\"x\"] NO_OP NONE",
                        "testing_object.each[\"y\"] DELETE_THEN_CREATE REPLACE_BY_TRIGGERS");
    }

    @Test
    void aNewInstanceIsCreatedWhateverItsTriggersSay() throws Exception {
        Files.writeString(dir.resolve("main.tf"), pair("1", "testing_object.a"));
        assertThat(actions(plan(pair("1", "testing_object.a"), State.empty("0.1.0"))))
                .containsExactly("testing_object.a CREATE NONE", "testing_object.b CREATE NONE");
    }

    @Test
    void onlyManagedResourcesAndTheInstancesKeysMayBeReferenced() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "v" {
                  default = "x"
                }
                data "testing_echo" "d" {
                  input = "x"
                }
                resource "testing_object" "a" {
                  name = "a"
                }
                resource "testing_object" "b" {
                  for_each = toset(["x"])
                  name     = "b"
                  lifecycle {
                    replace_triggered_by = [
                      var.v,
                      data.testing_echo.d,
                      testing_object.a[each.value],
                      upper(testing_object.a.name),
                      "text",
                      testing_object.a.name == testing_object.b["x"].name,
                    ]
                  }
                }
                resource "testing_object" "c" {
                  name = "c"
                  lifecycle {
                    replace_triggered_by = testing_object.a
                  }
                }
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(FakeWalks.shown(loaded.diagnostics()))
                .containsExactly(
                        "error main.tf:15:7: Invalid reference in replace_triggered_by expression: Only resources, "
                                + "count.index, and each.key may be used in replace_triggered_by.",
                        "error main.tf:16:7: Invalid reference in replace_triggered_by expression: Only resources, "
                                + "count.index, and each.key may be used in replace_triggered_by.",
                        "error main.tf:17:7: Invalid each reference in replace_triggered_by expression: Only each.key may "
                                + "be used in replace_triggered_by.",
                        "error main.tf:18:7: Invalid replace_triggered_by expression: Unexpected expression found in "
                                + "replace_triggered_by.",
                        "error main.tf:19:7: Invalid replace_triggered_by expression: Missing resource reference in "
                                + "replace_triggered_by expression.",
                        "error main.tf:20:7: Invalid replace_triggered_by expression: Multiple resource references in "
                                + "replace_triggered_by expression.",
                        "error main.tf:27:28: Invalid expression: A static list expression is required.");
    }
}
