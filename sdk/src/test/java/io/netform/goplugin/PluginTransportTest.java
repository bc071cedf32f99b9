package io.netform.goplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.netty.shaded.io.netty.buffer.ByteBufAllocator;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2SecurityUtil;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

class PluginTransportTest {

    @Test
    void twoNetformPeersAgreeOnChaCha20OverTls13() throws SSLException {
        PluginCertificate host = PluginCertificate.generate();
        PluginCertificate plugin = PluginCertificate.generate();
        SSLEngine client = PluginTransport.clientTls(host, plugin.certificate()).newEngine(ByteBufAllocator.DEFAULT);
        SSLEngine server =
                PluginTransport.serverTls(() -> plugin, host.certificate()).newEngine(ByteBufAllocator.DEFAULT);

        handshake(client, server);

        assertThat(client.getSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(client.getSession().getCipherSuite()).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
        assertThat(server.getSession().getPeerCertificates()).containsExactly(host.certificate());
    }

    @Test
    void everyHttp2CipherSuiteIsStillOffered() {
        assertThat(PluginTransport.CIPHERS).containsExactlyInAnyOrderElementsOf(Http2SecurityUtil.CIPHERS);
        assertThat(PluginTransport.CIPHERS.get(0)).contains("CHACHA20");
    }

    /** Runs both sides of a TLS handshake in memory until neither has anything left to do. */
    private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
        ByteBuffer ignored = ByteBuffer.allocate(1 << 16);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 100 && !(done(client) && done(server)); round++) {
            step(client, toClient, toServer, ignored);
            step(server, toServer, toClient, ignored);
        }
        assertThat(done(client) && done(server)).as("the handshake finished").isTrue();
    }

    private static void step(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            engine.wrap(ByteBuffer.allocate(0), out);
        } else if (engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
            in.flip();
            engine.unwrap(in, app);
            in.compact();
        }
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }
}
