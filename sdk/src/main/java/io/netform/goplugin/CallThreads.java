package io.netform.goplugin;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Where a plugin runs each call. The server's own executor is the event loop itself; calls of a
 * service that may block move to worker threads. {@link NonBlockingService}s, health and
 * go-plugin's own services stay on the event loop.
 */
final class CallThreads implements ServerCallExecutorSupplier, AutoCloseable {

    private final Set<String> blockingServices;
    private final ExecutorService workers = NonBlockingService.workers("plugin");

    /**
     * @param services the application's services; the ones not marked non-blocking get workers,
     *     everything else the server serves (health, go-plugin's services) is non-blocking
     */
    CallThreads(Collection<? extends BindableService> services) {
        this.blockingServices = services.stream()
                .filter(service -> !(service instanceof NonBlockingService))
                .map(service -> service.bindService().getServiceDescriptor().getName())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The worker pool for a blocking service's call, or null: gRPC then keeps it on the event loop. */
    @Override
    public <ReqT, RespT> Executor getExecutor(ServerCall<ReqT, RespT> call, Metadata headers) {
        return blockingServices.contains(call.getMethodDescriptor().getServiceName()) ? workers : null;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
