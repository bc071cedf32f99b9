package io.netform.walk;

import io.netform.graph.Node;
import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import io.netform.graph.Outcome;
import io.netform.graph.Walker;
import io.netform.hcl.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * One walk of the configuration graph, as plan and apply both make it: provider configurations are
 * started and configured, variables, locals, outputs and module calls evaluated, and resources handed
 * to the caller's work with a pool for their instances. A vertex fails when its work says so or when
 * an error is reported on its behalf (by its own thread or its instances' tasks), and then its
 * dependents are skipped.
 */
public final class ConfigWalk {

    /**
     * What to do for one resource vertex; {@code pool} runs its instances' provider calls. False when it
     * failed, having reported why.
     */
    @FunctionalInterface
    public interface ResourceWork {
        boolean run(ResourceNode node, ExecutorService pool) throws Exception;
    }

    private ConfigWalk() {}

    /**
     * Whether every one of a vertex's instance tasks returned true; rethrows the first failure met.
     * Waits for the last task first: the pool runs tasks in the order they were started, so by the
     * time the last is done the others almost always are, and the waiting thread wakes about once
     * instead of once per instance (each wake-up is a pair of futex calls).
     */
    public static boolean allSucceeded(List<Future<Boolean>> tasks) throws InterruptedException, ExecutionException {
        boolean ok = true;
        for (int i = tasks.size() - 1; i >= 0; i--) {
            ok &= tasks.get(i).get();
        }
        return ok;
    }

    /**
     * Walks {@code context}'s graph with at most {@code parallelism} provider calls at once.
     *
     * @param skip vertices to leave out (targeting)
     * @param work the work for resource vertices, or null to leave resources alone (a destroy)
     */
    public static void walk(
            WalkContext context, int parallelism, String threadName, Predicate<Node> skip, ResourceWork work) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            Walker<Node> walker = new Walker<>(parallelism, Node::address);
            context.stopSignal().watch(walker);
            Map<Node, Outcome> outcomes;
            try {
                outcomes = walker.walk(
                        context.graph().graph(), node -> skip.test(node) || visitAttributed(context, node, pool, work));
            } finally {
                context.stopSignal().forget(walker);
            }
            for (Outcome o : outcomes.values()) {
                if (o instanceof Outcome.Failed f) {
                    context.report(Diagnostic.error("Internal error", String.valueOf(f.error()), null));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the vertex succeeded: its work says so, and nothing it reported is an error. */
    private static boolean visitAttributed(WalkContext context, Node node, ExecutorService pool, ResourceWork work)
            throws Exception {
        List<Diagnostic> found = Collections.synchronizedList(new ArrayList<>());
        boolean ok =
                context.attributing(found, () -> visit(context, node, new VertexTasks(pool, context, found), work));
        synchronized (found) {
            return ok && found.stream().noneMatch(Diagnostic::isError);
        }
    }

    /** Whether the vertex succeeded, as each kind of vertex says itself. */
    private static boolean visit(WalkContext context, Node node, ExecutorService pool, ResourceWork work)
            throws Exception {
        if (node instanceof ProviderNode p) {
            return ProviderConfigurer.configure(context, p);
        }
        if (node instanceof ResourceNode r) {
            return work == null || work.run(r, pool);
        }
        // A declaration's errors are reported as it evaluates; they fail it through what it reported.
        context.evaluateDeclaration(node);
        return true;
    }
}
