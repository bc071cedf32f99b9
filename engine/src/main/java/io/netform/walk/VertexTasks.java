package io.netform.walk;

import io.netform.hcl.Diagnostic;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The walk's pool as one vertex's work sees it: the tasks it starts (its instances) report on the
 * vertex's behalf, so that the vertex knows its own failures however many others run at once.
 */
final class VertexTasks extends AbstractExecutorService {

    private final ExecutorService pool;
    private final WalkContext context;
    private final List<Diagnostic> found;

    VertexTasks(ExecutorService pool, WalkContext context, List<Diagnostic> found) {
        this.pool = pool;
        this.context = context;
        this.found = found;
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(() -> {
            try {
                context.attributing(found, () -> {
                    task.run();
                    return null;
                });
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The pool belongs to the walk, which shuts it down. */
    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
