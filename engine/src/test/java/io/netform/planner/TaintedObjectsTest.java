package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.AddressParser;
import io.netform.apply.Applier;
import io.netform.apply.ApplyHooks;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.state.State;
import io.netform.state.StateEdits;
import io.netform.state.WorkingState;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An object that taint marked is replaced by the next plan; untaint makes the plan keep it again. */
class TaintedObjectsTest {

    @TempDir
    Path dir;

    @Test
    void aTaintedObjectIsReplacedAndAnUntaintedOneKept() throws Exception {
        FakeProvider provider = new FakeProvider();
        Files.writeString(dir.resolve("main.tf"), "resource \"testing_object\" \"a\" {\n  name = \"a\"\n}\n");
        Plan first = Planner.plan(
                        FakeWalks.context(dir, provider, Map.of()), State.empty("0.1.0"), PlanOptions.defaults())
                .plan();
        WorkingState working = new WorkingState(first.priorState());
        Applier.apply(FakeWalks.context(dir, provider, Map.of()), first, working::apply, ApplyHooks.NONE, 10);
        var address = AddressParser.parseInstance("testing_object.a");

        State tainted = StateEdits.taint(working.snapshot(), address, true, "taint");
        ResourceChange change = Planner.plan(
                        FakeWalks.context(dir, provider, Map.of()), tainted, PlanOptions.defaults())
                .plan()
                .changes()
                .get(0);
        assertThat(change.action()).isEqualTo(Action.DELETE_THEN_CREATE);
        assertThat(change.reason()).isEqualTo(ActionReason.REPLACE_BECAUSE_TAINTED);

        State untainted = StateEdits.taint(tainted, address, false, "untaint");
        assertThat(Planner.plan(FakeWalks.context(dir, provider, Map.of()), untainted, PlanOptions.defaults())
                        .plan()
                        .changes()
                        .get(0)
                        .action())
                .isEqualTo(Action.NO_OP);
    }
}
