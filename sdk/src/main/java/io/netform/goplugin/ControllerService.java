package io.netform.goplugin;

import io.grpc.stub.StreamObserver;
import io.netform.proto.plugin.Empty;
import io.netform.proto.plugin.GRPCControllerGrpc;

/** go-plugin's {@code plugin.GRPCController}: the host's request that the plugin stop. */
final class ControllerService extends GRPCControllerGrpc.GRPCControllerImplBase {

    private final Runnable onShutdown;

    ControllerService(Runnable onShutdown) {
        this.onShutdown = onShutdown;
    }

    @Override
    public void shutdown(Empty request, StreamObserver<Empty> responses) {
        // Answer first: the host waits for the reply before it starts its grace period.
        responses.onNext(Empty.getDefaultInstance());
        responses.onCompleted();
        onShutdown.run();
    }
}
