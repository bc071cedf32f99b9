package io.netform.plan;

import io.netform.graph.Node;
import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import io.netform.graph.Outcome;
import io.netform.graph.Walker;
import io.netform.hcl.Diagnostic;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * One walk of the configuration graph, as plan and apply both make it: provider configurations are
 * started and configured, variables, locals, outputs and module calls evaluated, and resources handed
 * to the caller's work with a pool for their instances. A vertex that reports an error fails, so its
 * dependents are skipped.
 */
public final class ConfigWalk {

    /** What to do for one resource vertex; {@code pool} runs its instances' provider calls. */
    @FunctionalInterface
    public interface ResourceWork {
        void run(ResourceNode node, ExecutorService pool) throws Exception;
    }

    private ConfigWalk() {
    }

    /**
     * Walks {@code context}'s graph with at most {@code parallelism} provider calls at once.
     *
     * @param skip vertices to leave out (targeting)
     * @param work the work for resource vertices, or null to leave resources alone (a destroy)
     */
    public static void walk(WalkContext context, int parallelism, String threadName, Predicate<Node> skip,
            ResourceWork work) {
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
                outcomes = walker.walk(context.graph().graph(), node -> {
                    if (!skip.test(node)) {
                        visit(context, node, pool, work);
                    }
                });
            } finally {
                context.stopSignal().forget(walker);
            }
            for (Outcome o : outcomes.values()) {
                if (o instanceof Outcome.Failed f && !(f.error() instanceof NodeFailedException)) {
                    context.report(Diagnostic.error("Internal error", String.valueOf(f.error()), null));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void visit(WalkContext context, Node node, ExecutorService pool, ResourceWork work)
            throws Exception {
        long before = errors(context);
        if (node instanceof ProviderNode p) {
            ProviderConfigurer.configure(context, p);
        } else if (node instanceof ResourceNode r) {
            if (work != null) {
                work.run(r, pool);
            }
        } else {
            context.evaluateDeclaration(node);
        }
        if (errors(context) > before) {
            throw new NodeFailedException(node.address());
        }
    }

    private static long errors(WalkContext context) {
        return context.diagnostics().stream().filter(Diagnostic::isError).count();
    }
}
