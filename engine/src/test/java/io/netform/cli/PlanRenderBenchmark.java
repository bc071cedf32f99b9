package io.netform.cli;

import static io.netform.plan.PlanFixtures.SEGMENT;
import static io.netform.plan.PlanFixtures.object;
import static io.netform.plan.PlanFixtures.s;
import static io.netform.plan.PlanFixtures.secret;
import static io.netform.plan.PlanFixtures.stringMap;
import static io.netform.plan.PlanFixtures.subnet;
import static io.netform.plan.PlanFixtures.subnets;

import io.netform.graph.ConfigGraph;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.Plan;
import io.netform.plan.PlanFixtures;
import io.netform.plan.PlanJson;
import io.netform.plan.ResourceChange;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints how long the human plan and the plan JSON take for 1,000 and 10,000 updated segments
 * (each with a 20-element list, a map and two nested blocks), and the 10k/1k ratio, which should
 * stay near 10 if the work is linear. Run after {@code mvn -o -pl engine -am test-compile} with
 * {@code java -Xmx1g -cp engine/target/test-classes:engine/target/classes:sdk/target/classes:JACKSON
 * io.netform.cli.PlanRenderBenchmark}, where JACKSON is the jackson-databind, -core and -annotations jars.
 */
public final class PlanRenderBenchmark {

    private PlanRenderBenchmark() {}

    public static void main(String[] args) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Ui ui = new Ui(discard, discard, false);
        Plan small = plan(1_000);
        Plan large = plan(10_000);
        for (int warmup = 0; warmup < 10; warmup++) {
            render(small, ui);
            json(small);
        }
        double human1k = time(() -> render(small, ui));
        double human10k = time(() -> render(large, ui));
        double json1k = time(() -> json(small));
        double json10k = time(() -> json(large));
        System.out.printf(
                "human plan: 1k %.1f ms (%.1f us/change), 10k %.1f ms (%.1f us/change), ratio %.1f%n",
                human1k, human1k, human10k, human10k / 10, human10k / human1k);
        System.out.printf(
                "plan JSON:  1k %.1f ms (%.1f us/change), 10k %.1f ms (%.1f us/change), ratio %.1f%n",
                json1k, json1k, json10k, json10k / 10, json10k / json1k);
    }

    private static final ConfigGraph CONFIGURATION = PlanFixtures.configuration();

    private static void render(Plan plan, Ui ui) {
        PlanRenderer.render(plan, c -> SEGMENT, ui);
    }

    private static void json(Plan plan) {
        PlanJson.toText(PlanJson.encode(
                plan, CONFIGURATION, Map.of(PlanFixtures.NSXT, PlanFixtures.SCHEMA), "bench", Instant.EPOCH));
    }

    /** The best of three runs, in milliseconds. */
    private static double time(Runnable work) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e6;
    }

    private static Plan plan(int count) {
        List<ResourceChange> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            changes.add(PlanFixtures.change(
                    "nsxt_policy_segment.s[" + i + "]",
                    Action.UPDATE,
                    ActionReason.NONE,
                    SEGMENT,
                    segment(i, 0),
                    segment(i, 1)));
        }
        return PlanFixtures.plan(changes);
    }

    private static Value segment(int i, int version) {
        List<Value> vlans = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            vlans.add(Value.string(Integer.toString(v == 10 ? v + version : v)));
        }
        return object(
                SEGMENT,
                "id",
                s("seg-" + i),
                "display_name",
                s("segment-" + i),
                "vlan_ids",
                Value.list(Type.STRING, vlans),
                "labels",
                stringMap("env", version == 0 ? "dev" : "prod", "index", Integer.toString(i)),
                "admin_password",
                secret("bench"),
                "subnet",
                subnets(subnet("10.0." + (i % 250) + ".1/24", "range-" + version), subnet("10.1.0.1/24")));
    }
}
