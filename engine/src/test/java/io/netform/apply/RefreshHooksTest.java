package io.netform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.ResourceInstance;
import io.netform.plan.Plan;
import io.netform.planner.PlanOptions;
import io.netform.planner.Planner;
import io.netform.state.State;
import io.netform.state.WorkingState;
import io.netform.value.Value;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import io.netform.walk.RefreshHooks;
import io.netform.walk.WalkContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hooks a user interface gets as a plan reads the objects in state from their provider. */
class RefreshHooksTest {

    @TempDir
    Path dir;

    private final FakeProvider provider = new FakeProvider();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private final RefreshHooks recording = new RefreshHooks() {
        @Override
        public void refreshStarted(ResourceInstance address, Value stored) {
            seen.add("start " + address + " " + stored.getAttr("id").asString());
        }

        @Override
        public void refreshCompleted(ResourceInstance address, Value now) {
            seen.add("complete " + address + " "
                    + (now.isNull() ? "gone" : now.getAttr("id").asString()));
        }
    };

    private State applied() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "resource \"testing_object\" \"a\" {\n  name = \"a\"\n}\n");
        Plan plan = Planner.plan(
                        FakeWalks.context(dir, provider, Map.of()), State.empty("0.1.0"), PlanOptions.defaults())
                .plan();
        WorkingState working = new WorkingState(plan.priorState());
        Applier.apply(FakeWalks.context(dir, provider, Map.of()), plan, working::apply, ApplyHooks.NONE, 10);
        return working.snapshot();
    }

    private void plan(State prior, boolean refresh) {
        WalkContext context = FakeWalks.context(dir, provider, Map.of());
        context.onRefresh(recording);
        Planner.plan(context, prior, new PlanOptions(Plan.Mode.NORMAL, refresh, Set.of(), List.of(), 10));
    }

    @Test
    void eachReadIsAnnouncedAndItsResultReported() throws Exception {
        State state = applied();
        String id = provider.cloud.keySet().iterator().next();
        plan(state, true);
        assertThat(seen).containsExactly("start testing_object.a " + id, "complete testing_object.a " + id);

        seen.clear();
        provider.cloud.clear();
        plan(state, true);
        assertThat(seen).containsExactly("start testing_object.a " + id, "complete testing_object.a gone");
    }

    @Test
    void withoutRefreshNothingIsRead() throws Exception {
        plan(applied(), false);
        assertThat(seen).isEmpty();
    }
}
