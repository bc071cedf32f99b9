package io.netform.goplugin;

import io.grpc.netty.shaded.io.netty.buffer.ByteBufAllocator;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

/**
 * The plugin's AutoMTLS server context while it is still being made: the gRPC server can be built
 * and bound meanwhile, which is most of a plugin's start-up. Nothing waits in practice, as the host
 * connects only after the handshake line, and that line waits for the context and the certificate.
 */
final class DeferredServerTls extends SslContext {

    /** gRPC asks at build time which protocols ALPN will offer: HTTP/2, as the real context does. */
    private static final ApplicationProtocolNegotiator HTTP2 = () -> List.of(ApplicationProtocolNames.HTTP_2);

    private final Supplier<SslContext> context;

    /** @param context waits for the real context and returns it, or throws why there is none */
    DeferredServerTls(Supplier<SslContext> context) {
        this.context = context;
    }

    private SslContext context() {
        return context.get();
    }

    @Override
    public boolean isClient() {
        return false;
    }

    @Override
    public List<String> cipherSuites() {
        return context().cipherSuites();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
        return HTTP2;
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc) {
        return context().newEngine(alloc);
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
        return context().newEngine(alloc, peerHost, peerPort);
    }

    @Override
    public SSLSessionContext sessionContext() {
        return context().sessionContext();
    }
}
