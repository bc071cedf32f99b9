package io.netform.goplugin;

import io.grpc.BindableService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gRPC service whose handlers never block: they answer at once, or hand slow work to threads of
 * their own and answer from there. {@link PluginServer} runs such a service's calls on the
 * connection's event loop. That saves two thread hand-offs a call (to a worker and back), which
 * on a small machine are a good part of a call's round trip; a handler that blocked there would
 * hold up every other call on the connection.
 */
public interface NonBlockingService extends BindableService {

    /**
     * A pool of threads named {@code name-call-N} for slow work. They are daemons, so that a call
     * still running never keeps an exiting plugin alive.
     */
    static ExecutorService workers(String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
