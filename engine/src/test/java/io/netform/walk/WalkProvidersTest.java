package io.netform.walk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.apply.Applier;
import io.netform.apply.ApplyHooks;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.lang.function.Functions;
import io.netform.plan.Plan;
import io.netform.planner.PlanOptions;
import io.netform.planner.PlanResult;
import io.netform.planner.Planner;
import io.netform.state.State;
import io.netform.state.WorkingState;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's apply walk takes over the providers its plan walk configured, when it configures them the same. */
class ProvidersTest {

    @TempDir
    Path dir;

    final List<FakeProvider> started = new ArrayList<>();
    ConfigGraph graph;

    @BeforeEach
    void configuration() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                variable "region" {
                  type = string
                }
                provider "testing" {
                  region = var.region
                }
                resource "testing_object" "a" {
                  name = "a"
                }
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        graph = ConfigGraphBuilder.build(loaded.root()).into(new ArrayList<>());
    }

    WalkContext walk(String region) {
        WalkValues values = new WalkValues();
        return new WalkContext(
                graph,
                values,
                new ScopeBuilder(values, Functions.NONE, dir, "default"),
                new WalkProviders(graph, source -> {
                    FakeProvider p = new FakeProvider();
                    started.add(p);
                    return p;
                }),
                Map.of("region", Value.string(region)),
                "0.1.0");
    }

    /** Plans with one region and applies with another; whether the apply reported nothing. */
    boolean planThenApply(String planRegion, String applyRegion) {
        WalkContext planning = walk(planRegion);
        PlanResult planned = Planner.plan(
                planning, State.empty("0.1.0"), new PlanOptions(Plan.Mode.NORMAL, true, Set.of(), List.of(), 10));
        assertThat(planned.diagnostics()).isEmpty();
        WalkContext applying = walk(applyRegion);
        planning.providers().handOver(applying.providers());
        WorkingState working = new WorkingState(planned.plan().priorState());
        var applied = Applier.apply(applying, planned.plan(), working::apply, ApplyHooks.NONE, 10);
        applying.providers().close();
        return applied.diagnostics().isEmpty();
    }

    @Test
    void theApplyUsesThePlansProcessWhenConfiguredTheSameWay() {
        assertThat(planThenApply("eu", "eu")).isTrue();

        assertThat(started).hasSize(1);
        assertThat(started.get(0).configurations).containsExactly(Value.object(Map.of("region", Value.string("eu"))));
        assertThat(started.get(0).cloud).hasSize(1);
        assertThat(started.get(0).closed).isTrue();
    }

    @Test
    void aProviderConfiguredDifferentlyIsClosedAndStartedAgain() {
        assertThat(planThenApply("eu", "us")).isTrue();

        assertThat(started).hasSize(2);
        assertThat(started.get(0).closed).isTrue();
        assertThat(started.get(0).cloud).isEmpty();
        assertThat(started.get(1).configurations).containsExactly(Value.object(Map.of("region", Value.string("us"))));
        assertThat(started.get(1).cloud).hasSize(1);
    }
}
