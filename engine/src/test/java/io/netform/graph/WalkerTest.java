package io.netform.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.junit.jupiter.api.Test;

class WalkerTest {

    static Graph<String, DefaultEdge> graph(String... edges) {
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (String edge : edges) {
            String[] ends = edge.split("->");
            g.addVertex(ends[0]);
            if (ends.length > 1) {
                g.addVertex(ends[1]);
                g.addEdge(ends[0], ends[1]);
            }
        }
        return g;
    }

    @Test
    void runsEachVertexAfterEverythingItDependsOn() {
        var g = graph("t0->t1", "t1->seg-a", "t1->seg-b", "seg-a->nat", "seg-b->nat", "alone");
        List<String> order = new CopyOnWriteArrayList<>();
        Map<String, Outcome> outcomes = new Walker<String>(4, v -> v).walk(g, order::add);
        assertThat(outcomes.values()).allMatch(Outcome::succeeded);
        assertThat(order).hasSize(6);
        assertThat(order.indexOf("t0")).isLessThan(order.indexOf("t1"));
        assertThat(order.indexOf("t1")).isLessThan(order.indexOf("seg-a")).isLessThan(order.indexOf("nat"));
        assertThat(order.indexOf("seg-b")).isLessThan(order.indexOf("nat"));
    }

    @Test
    void aFailureSkipsItsDependentsAndIndependentBranchesFinish() {
        var g = graph("a->b", "b->c", "x->y", "a->y2");
        Map<String, Outcome> outcomes = new Walker<String>(2, v -> "res." + v).walk(g, v -> {
            if (v.equals("b")) {
                throw new IllegalStateException("boom");
            }
            return true;
        });
        assertThat(outcomes.get("a")).isInstanceOf(Outcome.Done.class);
        assertThat(outcomes.get("b"))
                .isInstanceOfSatisfying(
                        Outcome.Failed.class, f -> assertThat(f.error()).hasMessage("boom"));
        assertThat(outcomes.get("c")).isEqualTo(new Outcome.Skipped("res.b"));
        assertThat(outcomes.get("y")).isInstanceOf(Outcome.Done.class);
        assertThat(outcomes.get("y2")).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void neverRunsMoreThanTheLimitsAllow() {
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (int i = 0; i < 60; i++) {
            g.addVertex((i % 3 == 0 ? "slow/" : "fast/") + i);
        }
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Map<String, AtomicInteger> perGroup = new ConcurrentHashMap<>();
        Map<String, Integer> groupPeak = new ConcurrentHashMap<>();
        Walker<String> walker =
                new Walker<>(5, v -> v, v -> v.substring(0, v.indexOf('/')), group -> group.equals("slow") ? 2 : null);
        walker.walk(g, v -> {
            String group = v.substring(0, v.indexOf('/'));
            int n = now.incrementAndGet();
            int inGroup =
                    perGroup.computeIfAbsent(group, k -> new AtomicInteger()).incrementAndGet();
            peak.accumulateAndGet(n, Math::max);
            groupPeak.merge(group, inGroup, Math::max);
            // Hold the slot until the walker has had a chance to start as much as it may.
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            while (now.get() < 5 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            perGroup.get(group).decrementAndGet();
            now.decrementAndGet();
            return true;
        });
        assertThat(peak.get()).isBetween(2, 5);
        assertThat(groupPeak.get("slow")).isBetween(1, 2);
    }

    @Test
    void cancelStopsStartingWorkAndLetsRunningWorkFinish() throws Exception {
        var g = graph("first->second", "first->third");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Walker<String> walker = new Walker<>(1, v -> v);
        var result = new java.util.concurrent.CompletableFuture<Map<String, Outcome>>();
        Thread t = new Thread(() -> result.complete(walker.walk(g, v -> {
            if (v.equals("first")) {
                started.countDown();
                release.await();
            }
            return true;
        })));
        t.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        walker.cancel();
        release.countDown();
        Map<String, Outcome> outcomes = result.get(10, TimeUnit.SECONDS);
        assertThat(outcomes.get("first")).isInstanceOf(Outcome.Done.class);
        assertThat(outcomes.get("second")).isInstanceOf(Outcome.Cancelled.class);
        assertThat(outcomes.get("third")).isInstanceOf(Outcome.Cancelled.class);
    }

    @Test
    void aVertexThatReportsItsOwnFailureSkipsItsDependentsWithoutAnError() {
        var g = graph("a->b", "b->c", "x->y");
        Map<String, Outcome> outcomes = new Walker<String>(2, v -> "res." + v).walk(g, v -> !v.equals("b"));
        assertThat(outcomes.get("a")).isInstanceOf(Outcome.Done.class);
        assertThat(outcomes.get("b")).isInstanceOf(Outcome.Reported.class);
        assertThat(outcomes.get("c")).isEqualTo(new Outcome.Skipped("res.b"));
        assertThat(outcomes.get("y")).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void aCycleNamesEveryVertexOnIt() {
        var g = graph("a->b", "b->c", "c->a", "c->d", "e->e2");
        g.addEdge("e2", "e");
        assertThat(Cycles.describe(Cycles.find(g, v -> "res." + v)))
                .isEqualTo("Cycle: res.a, res.b, res.c; Cycle: res.e, res.e2");
        assertThat(Cycles.find(new DirectedAcyclicGraph<String, DefaultEdge>(DefaultEdge.class), v -> v))
                .isEmpty();
    }

    @Test
    void walksTenThousandVerticesInALongChain() {
        Graph<Integer, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (int i = 0; i < 10_000; i++) {
            g.addVertex(i);
            if (i > 0) {
                g.addEdge(i - 1, i);
            }
        }
        AtomicInteger last = new AtomicInteger(-1);
        var outcomes = new Walker<Integer>(10, String::valueOf).walk(g, v -> {
            if (!last.compareAndSet(v - 1, v)) {
                throw new IllegalStateException(v + " ran before " + (v - 1));
            }
            return true;
        });
        assertThat(outcomes.values()).allMatch(Outcome::succeeded);
        assertThat(last.get()).isEqualTo(9_999);
    }
}
