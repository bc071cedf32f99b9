package io.netform.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jgrapht.Graph;

/**
 * Runs the vertices of a dependency graph: a vertex starts once every vertex it depends on has
 * succeeded, at most {@code parallelism} at once and at most a group's limit per group (e.g. per
 * provider). A vertex whose dependency failed is skipped; independent branches go on. An edge
 * {@code a -> b} means b depends on a. The graph must be acyclic ({@link Cycles#check}).
 *
 * <p>Work is O(V + E): each edge is looked at once, when its source finishes.
 */
public final class Walker<V> {

    /**
     * The work of one vertex: true when it succeeded, false when it failed and has reported why itself
     * (then its dependents are skipped). An exception is a failure nobody reported.
     */
    @FunctionalInterface
    public interface Work<V> {
        boolean run(V vertex) throws Exception;
    }

    private final int parallelism;
    private final Function<V, String> name;
    private final Function<V, String> group;
    private final Function<String, Integer> groupLimit;
    private volatile boolean cancelled;

    /**
     * @param parallelism at most this many vertices run at once
     * @param name        names a vertex in a skip reason
     * @param group       the group a vertex's work counts against, or null for none
     * @param groupLimit  how many vertices of a group may run at once (null or less than 1 for no limit)
     */
    public Walker(
            int parallelism,
            Function<V, String> name,
            Function<V, String> group,
            Function<String, Integer> groupLimit) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.parallelism = parallelism;
        this.name = name;
        this.group = group;
        this.groupLimit = groupLimit;
    }

    /** A walker with only the global limit. */
    public Walker(int parallelism, Function<V, String> name) {
        this(parallelism, name, v -> null, g -> null);
    }

    /** Stops starting new vertices; those running finish. Safe to call from any thread (e.g. on Ctrl-C). */
    public void cancel() {
        cancelled = true;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Walks the graph and returns every vertex's outcome, in the order the vertices finished. */
    public <E> Map<V, Outcome> walk(Graph<V, E> graph, Work<V> work) {
        Run<E> run = new Run<>(graph, work);
        return run.execute();
    }

    private final class Run<E> {
        private final Graph<V, E> graph;
        private final Work<V> work;
        private final Map<V, Integer> waitingOn = new HashMap<>();
        private final Map<V, Outcome> outcomes = new LinkedHashMap<>();
        private final Deque<V> ready = new ArrayDeque<>();
        private final Map<String, Integer> runningPerGroup = new HashMap<>();
        private final Set<V> running = new HashSet<>();

        Run(Graph<V, E> graph, Work<V> work) {
            this.graph = graph;
            this.work = work;
        }

        Map<V, Outcome> execute() {
            for (V v : graph.vertexSet()) {
                int deps = graph.inDegreeOf(v);
                waitingOn.put(v, deps);
                if (deps == 0) {
                    ready.add(v);
                }
            }
            AtomicInteger threadNumber = new AtomicInteger();
            ThreadFactory threads = r -> {
                Thread t = new Thread(r, "netform-walk-" + threadNumber.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ExecutorService pool = Executors.newFixedThreadPool(parallelism, threads);
            try {
                synchronized (Walker.this) {
                    while (outcomes.size() < waitingOn.size()) {
                        if (cancelled) {
                            cancelPending();
                            if (running.isEmpty()) {
                                break;
                            }
                        } else {
                            startReady(pool);
                        }
                        if (outcomes.size() < waitingOn.size()) {
                            Walker.this.wait();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
            } finally {
                pool.shutdown();
            }
            return outcomes;
        }

        private void startReady(ExecutorService pool) {
            int n = ready.size();
            for (int i = 0; i < n && running.size() < parallelism; i++) {
                V v = ready.poll();
                String g = group.apply(v);
                if (g != null && atLimit(g)) {
                    ready.add(v);
                    continue;
                }
                running.add(v);
                if (g != null) {
                    runningPerGroup.merge(g, 1, Integer::sum);
                }
                pool.execute(() -> runOne(v, g));
            }
        }

        private boolean atLimit(String g) {
            Integer limit = groupLimit.apply(g);
            return limit != null && limit > 0 && runningPerGroup.getOrDefault(g, 0) >= limit;
        }

        private void runOne(V v, String g) {
            Outcome outcome;
            try {
                outcome = work.run(v) ? new Outcome.Done() : new Outcome.Reported();
            } catch (Exception | Error e) {
                outcome = new Outcome.Failed(e);
            }
            synchronized (Walker.this) {
                running.remove(v);
                if (g != null) {
                    runningPerGroup.merge(g, -1, Integer::sum);
                }
                finish(v, outcome);
                Walker.this.notifyAll();
            }
        }

        /** Records an outcome and releases or skips the vertices that depend on {@code v}. */
        private void finish(V v, Outcome outcome) {
            Deque<Map.Entry<V, Outcome>> pending = new ArrayDeque<>();
            pending.add(Map.entry(v, outcome));
            while (!pending.isEmpty()) {
                var entry = pending.poll();
                V done = entry.getKey();
                outcomes.put(done, entry.getValue());
                boolean ok = entry.getValue().succeeded();
                for (E edge : graph.outgoingEdgesOf(done)) {
                    V dependent = graph.getEdgeTarget(edge);
                    if (outcomes.containsKey(dependent)) {
                        continue;
                    }
                    if (!ok) {
                        String cause = entry.getValue() instanceof Outcome.Skipped s ? s.cause() : name.apply(done);
                        waitingOn.put(dependent, -1);
                        pending.add(Map.entry(dependent, new Outcome.Skipped(cause)));
                    } else if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                        ready.add(dependent);
                    }
                }
            }
        }

        private void cancelPending() {
            for (V v : waitingOn.keySet()) {
                if (!outcomes.containsKey(v) && !running.contains(v)) {
                    outcomes.put(v, new Outcome.Cancelled());
                }
            }
            ready.clear();
        }
    }
}
