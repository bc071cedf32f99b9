package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.AddressParser;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.hcl.Diagnostic;
import io.netform.lang.function.Functions;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.state.State;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

    @TempDir
    Path dir;

    final FakeProvider provider = new FakeProvider();

    PlanResult plan(String main, State prior, Map<String, Value> variables) throws IOException {
        Files.writeString(dir.resolve("main.tf"), main);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph graph = ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
        assertThat(diagnostics).isEmpty();
        WalkValues values = new WalkValues();
        var context = new WalkContext(
                graph,
                values,
                new ScopeBuilder(values, Functions.NONE, dir, "default"),
                new WalkProviders(graph, source -> provider),
                variables,
                "0.1.0");
        return Planner.plan(context, prior, PlanOptions.defaults());
    }

    @Test
    void plansCreatesForEveryInstanceWithUnknownsWhereTheProviderDecidesLater() throws IOException {
        PlanResult result = plan("""
                variable "n" {
                  type = number
                }
                resource "testing_object" "a" {
                  count  = var.n
                  name   = "a-${count.index}"
                  secret = "hush"
                }
                resource "testing_object" "b" {
                  name  = "b"
                  value = testing_object.a[1].id
                }
                data "testing_echo" "e" {
                  input = testing_object.b.value
                }
                output "ids" {
                  value = testing_object.a[*].id
                }
                """, State.empty("0.1.0"), Map.of("n", Value.number(3)));
        assertThat(result.diagnostics()).isEmpty();
        Plan plan = result.plan();
        assertThat(plan.changes())
                .extracting(c -> c.address() + " " + c.action())
                .containsExactly(
                        "data.testing_echo.e READ",
                        "testing_object.a[0] CREATE",
                        "testing_object.a[1] CREATE",
                        "testing_object.a[2] CREATE",
                        "testing_object.b CREATE");
        ResourceChange b = plan.changes().get(4);
        assertThat(b.after().getAttr("value").isKnown()).isFalse();
        assertThat(plan.changes().get(1).after().getAttr("secret").isSensitive())
                .isTrue();
        assertThat(plan.changes().get(0).reason()).isEqualTo(ActionReason.READ_BECAUSE_CONFIG_UNKNOWN);
        assertThat(plan.summary()).isEqualTo(new Plan.Summary(4, 0, 0));
        assertThat(plan.outputs().get("ids").action()).isEqualTo(Action.CREATE);
    }

    @Test
    void anInvalidCountIsReportedAtItsExpression() throws IOException {
        PlanResult result = plan("""
                resource "testing_object" "a" {
                  count = -1
                  name  = "x"
                }
                """, State.empty("0.1.0"), Map.of());
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics())
                .extracting(d -> d.subject() + " " + d.summary())
                .containsExactly("main.tf:2:11 Invalid count argument");
        assertThat(result.plan().errored()).isTrue();
    }

    @Test
    void anUnsupportedResourceTypeSuggestsTheNearestOne() throws IOException {
        PlanResult result = plan("""
                resource "testing_objekt" "a" {
                  name = "x"
                }
                """, State.empty("0.1.0"), Map.of());
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Invalid resource type");
            assertThat(d.detail()).contains("Did you mean \"testing_object\"?");
        });
    }

    static io.netform.addrs.ResourceInstance addr(String text) {
        return AddressParser.parseInstance(text);
    }
}
