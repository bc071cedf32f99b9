package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceInstance;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.hcl.Diagnostic;
import io.netform.lang.function.Functions;
import io.netform.plan.Plan;
import io.netform.plan.PlanFixtures;
import io.netform.plan.PlanJson;
import io.netform.state.State;
import io.netform.state.StateChange;
import io.netform.state.WorkingState;
import io.netform.value.Value;
import io.netform.walk.FakeProvider;
import io.netform.walk.ScopeBuilder;
import io.netform.walk.StateValues;
import io.netform.walk.WalkContext;
import io.netform.walk.WalkProviders;
import io.netform.walk.WalkValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportsAndMovesTest {

    private static final ProviderConfig TESTING = ProviderConfig.root(ProviderSource.parse("testing"));

    @TempDir
    Path dir;

    final FakeProvider provider = new FakeProvider();

    private Value object(String id, String name) {
        Map<String, Value> attrs = new LinkedHashMap<>();
        attrs.put("name", Value.string(name));
        attrs.put("value", Value.nullOf(io.netform.value.Type.STRING));
        attrs.put("secret", Value.nullOf(io.netform.value.Type.STRING));
        attrs.put("id", Value.string(id));
        Value v = Value.object(attrs);
        provider.cloud.put(id, v);
        return v;
    }

    private State stateWith(String address, Value object) throws Exception {
        ResourceInstance at = AddressParser.parseInstance(address);
        WorkingState working = new WorkingState(State.empty("0.1.0"));
        working.apply(new StateChange.PutObject(
                at,
                TESTING,
                StateValues.encode(
                        at.key(), null, object, FakeProvider.OBJECT.impliedType(), 0, new byte[0], List.of(), false)));
        return working.snapshot();
    }

    private PlanResult plan(String main, State prior) throws Exception {
        Files.writeString(dir.resolve("main.tf"), main);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph graph = ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
        WalkValues values = new WalkValues();
        var context = new WalkContext(
                graph,
                values,
                new ScopeBuilder(values, Functions.NONE, dir, "default"),
                new WalkProviders(graph, source -> provider),
                Map.of(),
                "0.1.0");
        return Planner.plan(context, prior, PlanOptions.defaults());
    }

    @Test
    void anImportedObjectBecomesThePriorObjectAndThePlanSaysWhereItCameFrom() throws Exception {
        object("id-7", "seven");
        PlanResult result = plan("""
                resource "testing_object" "a" {
                  name = "seven"
                }
                import {
                  to = testing_object.a
                  id = "id-7"
                }
                """, State.empty("0.1.0"));
        assertThat(result.diagnostics()).isEmpty();
        Plan plan = result.plan();
        assertThat(plan.changes())
                .extracting(c -> c.address() + " " + c.action())
                .containsExactly("testing_object.a NO_OP");
        assertThat(plan.adoptions().imports()).containsEntry(AddressParser.parseInstance("testing_object.a"), "id-7");
        assertThat(plan.summary()).isEqualTo(new Plan.Summary(1, 0, 0, 0, 0));
        assertThat(plan.hasChanges()).isTrue();
        assertThat(plan.priorState().current(AddressParser.parseInstance("testing_object.a")))
                .isPresent();
        var json = PlanJson.encode(plan, PlanFixtures.configuration(), Map.of(), "0.1.0", Instant.EPOCH);
        assertThat(json.path("resource_changes")
                        .get(0)
                        .path("change")
                        .path("importing")
                        .path("id")
                        .asText())
                .isEqualTo("id-7");
    }

    @Test
    void aMovedObjectIsPlannedAtItsNewAddressWithItsPreviousOne() throws Exception {
        State prior = stateWith("testing_object.old", object("id-1", "one"));
        PlanResult result = plan("""
                resource "testing_object" "new" {
                  name = "one"
                }
                moved {
                  from = testing_object.old
                  to   = testing_object.new
                }
                """, prior);
        assertThat(result.diagnostics()).isEmpty();
        Plan plan = result.plan();
        assertThat(plan.changes())
                .extracting(c -> c.address() + " " + c.action())
                .containsExactly("testing_object.new NO_OP");
        assertThat(plan.adoptions().moves())
                .containsEntry(
                        AddressParser.parseInstance("testing_object.new"),
                        AddressParser.parseInstance("testing_object.old"));
        assertThat(plan.hasChanges()).isTrue();
        var json = PlanJson.encode(plan, PlanFixtures.configuration(), Map.of(), "0.1.0", Instant.EPOCH);
        assertThat(json.path("resource_changes").get(0).path("previous_address").asText())
                .isEqualTo("testing_object.old");
    }

    @Test
    void aRemovedBlockForgetsInsteadOfDestroying() throws Exception {
        State prior = stateWith("testing_object.gone", object("id-2", "two"));
        PlanResult result = plan("""
                removed {
                  from = testing_object.gone
                  lifecycle {
                    destroy = false
                  }
                }
                """, prior);
        Plan plan = result.plan();
        assertThat(plan.changes())
                .extracting(c -> c.address() + " " + c.action())
                .containsExactly("testing_object.gone FORGET");
        assertThat(plan.summary().forget()).isEqualTo(1);
        assertThat(result.diagnostics())
                .singleElement()
                .extracting(Diagnostic::summary)
                .isEqualTo("Some objects will no longer be managed by Netform");
    }
}
