package io.netform.goplugin;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NegotiationType;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2SecurityUtil;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLoggerFactory;
import io.grpc.netty.shaded.io.netty.util.internal.logging.JdkLoggerFactory;
import java.lang.invoke.MethodHandles;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * The sockets and TLS under a plugin connection: Unix domain sockets through Netty's epoll
 * transport where it is available, loopback TCP elsewhere, and AutoMTLS contexts pinned to the
 * peer's one certificate.
 */
final class PluginTransport implements AutoCloseable {

    /** Netty's switch for its JFR events, under the name grpc-netty-shaded relocated it to. */
    private static final String NETTY_JFR_PROPERTY = "io.grpc.netty.shaded.io.netty.jfr.enabled";

    /** Netty's leak detection level, under the name grpc-netty-shaded relocated it to. */
    private static final String NETTY_LEAK_DETECTION_PROPERTY = "io.grpc.netty.shaded.io.netty.leakDetection.level";

    /** go-plugin lets messages be as large as a signed 32-bit length allows. */
    static final int MAX_MESSAGE_SIZE = Integer.MAX_VALUE;

    /**
     * A fixed HTTP/2 flow-control window (gRPC's default size). Setting one turns off gRPC's automatic
     * window tuning, whose PING frames ride along with the calls: across a local socket there is no
     * bandwidth-delay product to discover, only an extra frame and wake-up for each side (an apply of
     * 500 objects at 50 ms a call spent about 2 ms less per object without them).
     */
    static final int FLOW_CONTROL_WINDOW = 1 << 20;

    private static final String[] TLS_VERSIONS = {"TLSv1.3", "TLSv1.2"};

    /**
     * HTTP/2's cipher suites with ChaCha20-Poly1305 first. Plugins and the CLI run C1-compiled JVMs,
     * which have no AES-GCM intrinsics: there a 700-byte record costs about 55 µs in AES-GCM (most of
     * it in GHASH) and 15 µs in ChaCha20-Poly1305, and every call is a few records each way. The
     * server's order decides; either side may still agree on AES-GCM with a peer that wants it.
     */
    static final List<String> CIPHERS = Stream.concat(
                    Http2SecurityUtil.CIPHERS.stream().filter(suite -> suite.contains("CHACHA20")),
                    Http2SecurityUtil.CIPHERS.stream().filter(suite -> !suite.contains("CHACHA20")))
            .toList();

    /** gRPC needs HTTP/2, agreed on through ALPN. */
    private static final ApplicationProtocolConfig HTTP2_OVER_ALPN = new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_2);

    /**
     * Turns off two of Netty's diagnostics that cost every connection time and nobody reads here; a
     * JVM option that says otherwise wins. Netty's first pooled buffer loads the Flight Recorder
     * runtime for its allocation events, about 100 ms of a plugin's or host's start-up. Its leak
     * detection records a stack trace for one buffer in 128 and on every release of such a buffer:
     * with a few buffers per call, about 2 % of a plugin's CPU time in a plan of 100,000 instances.
     *
     * <p>Also gives Netty java.util.logging, where its messages went anyway: left to choose, it probes
     * for SLF4J and two Log4J versions first, about 45 ms before a plugin can print its handshake.
     */
    static void skipNettyDiagnostics() {
        if (System.getProperty(NETTY_JFR_PROPERTY) == null) {
            System.setProperty(NETTY_JFR_PROPERTY, "false");
        }
        if (System.getProperty(NETTY_LEAK_DETECTION_PROPERTY) == null) {
            System.setProperty(NETTY_LEAK_DETECTION_PROPERTY, "disabled");
        }
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
    }

    private final boolean unixSockets;
    private final EventLoopGroup eventLoops;

    private PluginTransport(boolean unixSockets, EventLoopGroup eventLoops) {
        this.unixSockets = unixSockets;
        this.eventLoops = eventLoops;
    }

    /** A transport with its own small event loop group; close it when done. */
    static PluginTransport open() {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup loops =
                new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        return new PluginTransport(epoll, loops);
    }

    /**
     * Opens a transport on a thread of its own and initialises the JDK's TLS classes there too (Netty's
     * JDK context loads the system trust store once, whatever context is used): about 120 ms of work
     * that a host can do while its plugin starts.
     */
    static CompletableFuture<PluginTransport> openAhead() {
        CompletableFuture<PluginTransport> opened = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        PluginTransport transport = open();
                        try {
                            SSLContext.getInstance("TLS");
                            MethodHandles.lookup().ensureInitialized(JdkSslContext.class);
                        } catch (GeneralSecurityException | IllegalAccessException e) {
                            // the connection's own TLS context reports it
                        }
                        opened.complete(transport);
                    } catch (RuntimeException | Error e) {
                        opened.completeExceptionally(e);
                    }
                },
                "plugin transport");
        thread.setDaemon(true);
        thread.start();
        return opened;
    }

    /** True when this platform can serve on a Unix domain socket. */
    boolean supportsUnixSockets() {
        return unixSockets;
    }

    /** A server builder bound to the address, using this transport's event loops. */
    NettyServerBuilder serverBuilder(PluginAddress address) {
        NettyServerBuilder builder;
        if (address instanceof PluginAddress.UnixSocket socket) {
            requireUnixSockets();
            builder = NettyServerBuilder.forAddress(
                            new DomainSocketAddress(socket.path().toFile()))
                    .channelType(EpollServerDomainSocketChannel.class)
                    // gRPC asks for TCP keep-alive, which a Unix socket does not have; unset, it is
                    // not tried and not warned about.
                    .withChildOption(ChannelOption.SO_KEEPALIVE, null);
        } else {
            PluginAddress.Tcp tcp = (PluginAddress.Tcp) address;
            builder = NettyServerBuilder.forAddress(new InetSocketAddress(tcp.host(), tcp.port()))
                    .channelType(unixSockets ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
        }
        return builder.bossEventLoopGroup(eventLoops)
                .workerEventLoopGroup(eventLoops)
                .flowControlWindow(FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(MAX_MESSAGE_SIZE);
    }

    /** A channel to the address; plaintext when {@code tls} is null. */
    ManagedChannel channel(PluginAddress address, SslContext tls) {
        NettyChannelBuilder builder;
        if (address instanceof PluginAddress.UnixSocket socket) {
            requireUnixSockets();
            builder = NettyChannelBuilder.forAddress(
                            new DomainSocketAddress(socket.path().toFile()))
                    .channelType(EpollDomainSocketChannel.class)
                    .withOption(ChannelOption.SO_KEEPALIVE, null);
        } else {
            PluginAddress.Tcp tcp = (PluginAddress.Tcp) address;
            builder = NettyChannelBuilder.forAddress(new InetSocketAddress(tcp.host(), tcp.port()))
                    .channelType(unixSockets ? EpollSocketChannel.class : NioSocketChannel.class);
        }
        // No retries: a plugin call is never retried (ApplyResourceChange is not idempotent), and
        // gRPC's retry machinery buffers every call on the way.
        builder.eventLoopGroup(eventLoops)
                .flowControlWindow(FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(MAX_MESSAGE_SIZE)
                .disableRetry();
        if (tls == null) {
            builder.negotiationType(NegotiationType.PLAINTEXT);
        } else {
            // The certificate names localhost whatever the socket is; the name is what TLS verifies.
            builder.sslContext(tls).overrideAuthority(PluginCertificate.HOST_NAME);
        }
        return builder.build();
    }

    /**
     * The plugin's side of AutoMTLS: present our certificate, require exactly the host's. The
     * certificate is asked for only when a host connects, so it may still be in the making.
     */
    static SslContext serverTls(Supplier<PluginCertificate> own, X509Certificate trustedClient) throws SSLException {
        return mutualTls(false, own, trustedClient);
    }

    /** The host's side of AutoMTLS: present our certificate, trust exactly the plugin's. */
    static SslContext clientTls(PluginCertificate own, X509Certificate trustedServer) throws SSLException {
        return mutualTls(true, () -> own, trustedServer);
    }

    /**
     * A JDK TLS context over our key and the pinned peer certificate, built directly rather than
     * through Netty's SslContextBuilder, which would put the key in an encrypted key store first
     * and cost a plugin a noticeable part of its start-up.
     */
    private static SslContext mutualTls(boolean client, Supplier<PluginCertificate> own, X509Certificate peer)
            throws SSLException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    new KeyManager[] {new OwnKeyManager(own)}, new TrustManager[] {new PinnedTrustManager(peer)}, null);
            return new JdkSslContext(
                    context,
                    client,
                    CIPHERS,
                    SupportedCipherSuiteFilter.INSTANCE,
                    HTTP2_OVER_ALPN,
                    client ? ClientAuth.NONE : ClientAuth.REQUIRE,
                    TLS_VERSIONS,
                    false);
        } catch (GeneralSecurityException e) {
            throw new SSLException("cannot set up AutoMTLS: " + e.getMessage(), e);
        }
    }

    private void requireUnixSockets() {
        if (!unixSockets) {
            throw new IllegalStateException(
                    "Unix domain sockets need Netty's epoll transport, which is not available on "
                            + System.getProperty("os.name"));
        }
    }

    @Override
    public void close() {
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
