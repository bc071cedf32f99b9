package io.netform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.hcl.Diagnostic;
import io.netform.lang.function.Functions;
import io.netform.plan.Action;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.planner.PlanOptions;
import io.netform.planner.PlanResult;
import io.netform.planner.Planner;
import io.netform.state.State;
import io.netform.state.WorkingState;
import io.netform.value.Value;
import io.netform.walk.FakeProvider;
import io.netform.walk.ScopeBuilder;
import io.netform.walk.WalkContext;
import io.netform.walk.WalkProviders;
import io.netform.walk.WalkValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplierTest {

    @TempDir
    Path dir;

    final FakeProvider provider = new FakeProvider();
    State state = State.empty("0.1.0");

    WalkContext context(ConfigGraph graph) {
        WalkValues values = new WalkValues();
        return new WalkContext(
                graph,
                values,
                new ScopeBuilder(values, Functions.NONE, dir, "default"),
                new WalkProviders(graph, source -> provider),
                Map.of(),
                "0.1.0");
    }

    ConfigGraph graph(String main) throws IOException {
        Files.writeString(dir.resolve("main.tf"), main);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph graph = ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
        assertThat(diagnostics).isEmpty();
        return graph;
    }

    Plan plan(String main, Plan.Mode mode) throws IOException {
        PlanResult result =
                Planner.plan(context(graph(main)), state, new PlanOptions(mode, true, Set.of(), List.of(), 10));
        assertThat(result.diagnostics()).isEmpty();
        return result.plan();
    }

    ApplyResult apply(String main, Plan plan) throws IOException {
        WorkingState working = new WorkingState(plan.priorState());
        ApplyResult result = Applier.apply(context(graph(main)), plan, working::apply, ApplyHooks.NONE, 10);
        state = working.snapshot();
        return result;
    }

    static final String CONFIG = """
            variable "names" {
              default = ["a", "b"]
            }
            resource "testing_object" "parent" {
              name = "parent"
            }
            resource "testing_object" "child" {
              for_each = toset(var.names)
              name     = "child-${each.key}"
              value    = testing_object.parent.id
            }
            output "child_values" {
              value = [for c in testing_object.child : c.value]
            }
            """;

    @Test
    void appliesInDependencyOrderAndConvergesToNoChanges() throws IOException {
        String config = CONFIG.replace("toset(var.names)", "{ a = 1, b = 2 }");
        Plan first = plan(config, Plan.Mode.NORMAL);
        ApplyResult applied = apply(config, first);
        assertThat(applied.diagnostics()).isEmpty();
        assertThat(applied.added()).isEqualTo(3);
        assertThat(provider.cloud).containsOnlyKeys("id-parent", "id-child-a", "id-child-b");
        assertThat(provider.cloud.get("id-child-a").getAttr("value")).isEqualTo(Value.string("id-parent"));
        assertThat(state.outputs().get("child_values").value().toString()).isEqualTo("[\"id-parent\",\"id-parent\"]");
        assertThat(state.current(io.netform.addrs.AddressParser.parseInstance("testing_object.child[\"a\"]"))
                        .orElseThrow()
                        .dependencies())
                .containsExactly("testing_object.parent");

        Plan second = plan(config, Plan.Mode.NORMAL);
        assertThat(second.hasChanges()).isFalse();

        String fewer =
                config.replace("{ a = 1, b = 2 }", "{ a = 1 }").replace("name = \"parent\"", "name = \"parent2\"");
        Plan third = plan(fewer, Plan.Mode.NORMAL);
        assertThat(third.changes())
                .extracting(c -> c.address() + " " + c.action())
                .containsExactly(
                        "testing_object.child[\"a\"] UPDATE",
                        "testing_object.child[\"b\"] DELETE",
                        "testing_object.parent DELETE_THEN_CREATE");
        ApplyResult replaced = apply(fewer, third);
        assertThat(replaced.diagnostics()).isEmpty();
        assertThat(provider.cloud).containsOnlyKeys("id-parent2", "id-child-a");
        assertThat(provider.cloud.get("id-child-a").getAttr("value")).isEqualTo(Value.string("id-parent2"));

        Plan destroy = plan(fewer, Plan.Mode.DESTROY);
        assertThat(destroy.changes()).allMatch(c -> c.action() == Action.DELETE).hasSize(2);
        ApplyResult destroyed = apply(fewer, destroy);
        assertThat(destroyed.diagnostics()).isEmpty();
        assertThat(destroyed.destroyed()).isEqualTo(2);
        assertThat(provider.cloud).isEmpty();
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void driftIsSeenAndRepaired() throws IOException {
        String config = CONFIG.replace("toset(var.names)", "{}");
        apply(config, plan(config, Plan.Mode.NORMAL));
        provider.cloud.put(
                "id-parent",
                provider.cloud.get("id-parent").getAttr("name").isNull()
                        ? null
                        : io.netform.value.Value.object(Map.of(
                                "name",
                                Value.string("parent"),
                                "value",
                                Value.string("changed outside"),
                                "secret",
                                Value.nullOf(io.netform.value.Type.STRING),
                                "id",
                                Value.string("id-parent"))));
        Plan drifted = plan(config, Plan.Mode.NORMAL);
        assertThat(drifted.drift())
                .extracting(c -> c.address() + " " + c.action())
                .containsExactly("testing_object.parent UPDATE");
        assertThat(drifted.changes())
                .filteredOn(c -> c.action() != Action.NO_OP)
                .extracting(c -> c.address() + " " + c.action())
                .containsExactly("testing_object.parent UPDATE");
        apply(config, drifted);
        assertThat(provider.cloud.get("id-parent").getAttr("value").isNull()).isTrue();

        provider.cloud.remove("id-parent");
        Plan gone = plan(config, Plan.Mode.NORMAL);
        assertThat(gone.drift()).extracting(c -> c.action()).containsExactly(Action.DELETE);
        assertThat(gone.changes())
                .filteredOn(c -> c.action() != Action.NO_OP)
                .extracting(c -> c.address() + " " + c.action())
                .containsExactly("testing_object.parent CREATE");
    }

    @Test
    void theFinalPlanIsCheckedAgainstTheConfigurationAsThePlanWas() throws IOException {
        // Terraform checks a provider's plan against the configuration at apply too, before comparing it
        // with the saved plan; a configured value the provider changes is an invalid plan, not drift.
        String config = """
                resource "testing_object" "a" {
                  name  = "a"
                  value = "configured"
                }
                """;
        Plan plan = plan(config, Plan.Mode.NORMAL);
        provider.invalidPlans.add("a");

        ApplyResult result = apply(config, plan);

        assertThat(result.diagnostics())
                .extracting(Diagnostic::summary)
                .containsExactly("Provider produced invalid plan");
        assertThat(provider.cloud).isEmpty();
    }

    @Test
    void aFailedCreateBeforeDestroyReplacementKeepsTheOldObjectCurrent() throws IOException {
        String config = """
                resource "testing_object" "lb" {
                  name = "NAME"
                  lifecycle {
                    create_before_destroy = true
                  }
                }
                """;
        String v1 = config.replace("NAME", "lb-1");
        apply(v1, plan(v1, Plan.Mode.NORMAL));
        String v2 = config.replace("NAME", "lb-2");
        Plan replace = plan(v2, Plan.Mode.NORMAL);
        assertThat(replace.changes()).extracting(ResourceChange::action).containsExactly(Action.CREATE_THEN_DELETE);
        provider.failingCreates.add("lb-2");

        ApplyResult failed = apply(v2, replace);

        assertThat(failed.diagnostics()).extracting(Diagnostic::summary).containsExactly("Creation failed");
        assertThat(provider.cloud).containsOnlyKeys("id-lb-1");
        var lb = io.netform.addrs.AddressParser.parseInstance("testing_object.lb");
        assertThat(state.resources().get(lb.resource()).instances())
                .as("the old object is current again, not deposed for deletion")
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.deposed()).isNull();
                    assertThat(o.attributes().path("id").asText()).isEqualTo("id-lb-1");
                });
        Plan next = plan(v2, Plan.Mode.NORMAL);
        assertThat(next.changes())
                .extracting(c -> c.address() + " " + c.deposed() + " " + c.action())
                .containsExactly("testing_object.lb null CREATE_THEN_DELETE");

        provider.failingCreates.clear();
        assertThat(apply(v2, next).diagnostics()).isEmpty();
        assertThat(provider.cloud).containsOnlyKeys("id-lb-2");
    }
}
