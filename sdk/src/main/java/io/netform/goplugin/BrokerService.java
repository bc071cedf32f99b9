package io.netform.goplugin;

import io.grpc.stub.StreamObserver;
import io.netform.proto.plugin.ConnInfo;
import io.netform.proto.plugin.GRPCBrokerGrpc;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * go-plugin's {@code plugin.GRPCBroker}. Go hosts open its stream on every connection; Terraform
 * providers never broker extra connections, so knocks are refused and the stream just stays open
 * until either side ends it.
 */
final class BrokerService extends GRPCBrokerGrpc.GRPCBrokerImplBase {

    private final Set<StreamObserver<ConnInfo>> openStreams = ConcurrentHashMap.newKeySet();

    @Override
    public StreamObserver<ConnInfo> startStream(StreamObserver<ConnInfo> responses) {
        openStreams.add(responses);
        return new StreamObserver<>() {
            @Override
            public void onNext(ConnInfo knock) {
                ConnInfo refusal = knock.toBuilder()
                        .setKnock(ConnInfo.Knock.newBuilder()
                                .setKnock(true)
                                .setAck(false)
                                .setError("this plugin does not broker extra connections"))
                        .build();
                synchronized (responses) {
                    if (openStreams.contains(responses)) {
                        responses.onNext(refusal);
                    }
                }
            }

            @Override
            public void onError(Throwable cancelled) {
                openStreams.remove(responses);
            }

            @Override
            public void onCompleted() {
                complete(responses);
            }
        };
    }

    /** Ends every open stream so that a graceful server stop does not wait for the host. */
    void closeAll() {
        openStreams.forEach(this::complete);
    }

    private void complete(StreamObserver<ConnInfo> stream) {
        synchronized (stream) {
            if (openStreams.remove(stream)) {
                stream.onCompleted();
            }
        }
    }
}
