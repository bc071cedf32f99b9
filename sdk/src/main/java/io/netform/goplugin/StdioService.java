package io.netform.goplugin;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.netform.proto.plugin.GRPCStdioGrpc;
import io.netform.proto.plugin.StdioData;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * go-plugin's {@code plugin.GRPCStdio}: what the plugin writes to its standard streams after the
 * handshake travels to the host over gRPC, so that stray prints can never corrupt the handshake
 * and still reach the host's log. Output written before the host subscribes is kept up to a
 * limit.
 */
final class StdioService extends GRPCStdioGrpc.GRPCStdioImplBase {

    private static final int MAX_PENDING_BYTES = 64 * 1024;

    private final Object lock = new Object();
    private final List<StdioData> pending = new ArrayList<>();
    private int pendingBytes;
    private StreamObserver<StdioData> subscriber;
    private boolean closed;

    @Override
    public void streamStdio(Empty request, StreamObserver<StdioData> responses) {
        synchronized (lock) {
            if (subscriber != null || closed) {
                responses.onError(Status.FAILED_PRECONDITION
                        .withDescription("the plugin's stdio is already streamed or closed")
                        .asRuntimeException());
                return;
            }
            ((ServerCallStreamObserver<StdioData>) responses).setOnCancelHandler(this::unsubscribe);
            subscriber = responses;
            pending.forEach(responses::onNext);
            pending.clear();
            pendingBytes = 0;
        }
    }

    /** A stream whose bytes are sent on the given channel. */
    OutputStream output(StdioData.Channel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                send(StdioData.newBuilder()
                        .setChannel(channel)
                        .setData(ByteString.copyFrom(bytes, offset, length))
                        .build());
            }
        };
    }

    /** Ends the stream, so that a graceful server stop does not wait for the host. */
    void close() {
        synchronized (lock) {
            closed = true;
            if (subscriber != null) {
                subscriber.onCompleted();
                subscriber = null;
            }
        }
    }

    private void send(StdioData data) {
        synchronized (lock) {
            if (subscriber != null) {
                subscriber.onNext(data);
            } else if (!closed && pendingBytes + data.getData().size() <= MAX_PENDING_BYTES) {
                pending.add(data);
                pendingBytes += data.getData().size();
            }
        }
    }

    private void unsubscribe() {
        synchronized (lock) {
            subscriber = null;
        }
    }
}
