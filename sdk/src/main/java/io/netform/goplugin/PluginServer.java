package io.netform.goplugin;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.protobuf.services.HealthStatusManager;
import io.netform.proto.plugin.StdioData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;

/**
 * The plugin side of go-plugin: checks that a host launched us, negotiates the protocol version,
 * listens (Unix socket, AutoMTLS when the host asks for it), prints the handshake line and serves
 * the application's gRPC services next to go-plugin's own until the host says Shutdown.
 */
public final class PluginServer {

    /** The service name go-plugin hosts health-check. */
    public static final String HEALTH_SERVICE_NAME = "plugin";

    /** Where go-plugin hosts may ask for the socket to be created. */
    static final String SOCKET_DIR_ENVIRONMENT_VARIABLE = "PLUGIN_UNIX_SOCKET_DIR";

    private static final long GRACEFUL_STOP_SECONDS = 2;
    private static final String LOOPBACK = "127.0.0.1";

    private final Server server;
    private final HandshakeLine handshake;
    private final StdioService stdio;
    private final BrokerService broker;
    private final PluginTransport transport;
    private final CallThreads threads;
    private final CountDownLatch shutdownRequested;

    private PluginServer(
            Server server,
            HandshakeLine handshake,
            StdioService stdio,
            BrokerService broker,
            PluginTransport transport,
            CallThreads threads,
            CountDownLatch shutdownRequested) {
        this.server = server;
        this.handshake = handshake;
        this.stdio = stdio;
        this.broker = broker;
        this.transport = transport;
        this.threads = threads;
        this.shutdownRequested = shutdownRequested;
    }

    /**
     * Runs this process as a plugin and exits the JVM: with status 0 once the host has shut it
     * down, with status 1 when no host launched it or it cannot listen. A provider's {@code main}
     * calls this and nothing else.
     *
     * @param name the plugin's name in its messages and log lines
     * @param versions the application protocol versions the services speak
     * @param services the application's gRPC services, e.g. {@code tfplugin6.Provider}; their calls
     *     run on worker threads, except for a {@link NonBlockingService}'s
     */
    public static void serve(
            String name, MagicCookie cookie, SortedSet<Integer> versions, List<? extends BindableService> services) {
        PrintStream stderr = System.err;
        Map<String, String> environment = System.getenv();
        if (!cookie.isPresentIn(environment)) {
            stderr.println(notLaunchedByHost(name));
            stderr.flush();
            System.exit(1);
        }
        HclogWriter log = new HclogWriter(stderr, name);
        InterruptSignal.ignore(log);
        PluginTransport.skipNettyDiagnostics();
        System.exit(run(environment, versions, services, System.out, log));
    }

    static String notLaunchedByHost(String name) {
        return "This program is the "
                + name
                + " plugin. Netform (or Terraform) starts it by itself when a configuration uses it;"
                + " it is not meant to be run directly.\n"
                + "Run `netform plan` or `netform apply` in your configuration's directory instead.";
    }

    private static int run(
            Map<String, String> environment,
            SortedSet<Integer> versions,
            List<? extends BindableService> services,
            PrintStream stdout,
            HclogWriter log) {
        PluginServer plugin;
        try {
            plugin = start(environment, versions, services);
        } catch (IllegalArgumentException e) {
            // What the host handed us is unusable (versions, certificate, ports): its own words say why.
            log.error("the plugin cannot start: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            log.error("the plugin cannot start its gRPC server", "error", e.toString());
            return 1;
        }
        log.debug(
                "plugin serving",
                "network",
                plugin.handshake.address().network(),
                "address",
                plugin.handshake.address().address(),
                "protocol_version",
                plugin.handshake.appVersion(),
                "auto_mtls",
                plugin.handshake.hasServerCertificate());
        stdout.println(plugin.handshake.format());
        stdout.flush();
        // From here on stdout belongs to GRPCStdio: nothing may follow the handshake line.
        System.setOut(new PrintStream(plugin.stdio.output(StdioData.Channel.STDOUT), true, StandardCharsets.UTF_8));
        plugin.awaitShutdownRequest();
        log.debug("plugin shutting down at the host's request");
        plugin.stop();
        return 0;
    }

    private static PluginServer start(
            Map<String, String> environment, SortedSet<Integer> versions, List<? extends BindableService> services)
            throws IOException {
        int appVersion = ProtocolVersions.negotiate(environment.get(ProtocolVersions.ENVIRONMENT_VARIABLE), versions);
        String clientPem = environment.get(PluginCertificate.CLIENT_CERT_ENVIRONMENT_VARIABLE);
        boolean autoMtls = clientPem != null && !clientPem.isBlank();
        // The key and certificate, and the TLS context, are the slowest parts of start-up: each is made
        // on a thread of its own while this one sets up the transport and the services and binds. The
        // context takes the key only when a host connects, which is after the handshake line.
        CompletableFuture<PluginCertificate> own =
                autoMtls ? CompletableFuture.supplyAsync(PluginCertificate::generate) : null;
        CompletableFuture<SslContext> tls =
                autoMtls ? CompletableFuture.supplyAsync(() -> serverTls(() -> await(own), clientPem)) : null;
        PluginTransport transport = PluginTransport.open();
        CallThreads threads = new CallThreads(services);
        try {
            StdioService stdio = new StdioService();
            BrokerService broker = new BrokerService();
            HealthStatusManager health = new HealthStatusManager();
            CountDownLatch shutdownRequested = new CountDownLatch(1);
            UnaryOperator<NettyServerBuilder> withServices = builder -> {
                builder.directExecutor()
                        .callExecutor(threads)
                        .addService(health.getHealthService())
                        .addService(new ControllerService(shutdownRequested::countDown))
                        .addService(stdio)
                        .addService(broker);
                services.forEach(builder::addService);
                return autoMtls ? builder.sslContext(new DeferredServerTls(() -> await(tls))) : builder;
            };
            Listening listening = listen(transport, environment, withServices);
            String certificate = "";
            try {
                if (autoMtls) {
                    // A TLS context that cannot be made (say, the host's certificate is unreadable)
                    // fails the start-up here rather than the host's first connection.
                    await(tls);
                    certificate = await(own).handshakeField();
                }
            } catch (RuntimeException e) {
                listening.server().shutdownNow();
                throw e;
            }
            health.setStatus(HEALTH_SERVICE_NAME, ServingStatus.SERVING);
            HandshakeLine handshake = new HandshakeLine(
                    HandshakeLine.CORE_PROTOCOL_VERSION,
                    appVersion,
                    listening.address(),
                    HandshakeLine.GRPC,
                    certificate);
            return new PluginServer(
                    listening.server(), handshake, stdio, broker, transport, threads, shutdownRequested);
        } catch (IOException | RuntimeException e) {
            threads.close();
            transport.close();
            throw e;
        }
    }

    /** The server side of AutoMTLS: present our certificate, once made, to the one host it trusts. */
    private static SslContext serverTls(Supplier<PluginCertificate> own, String clientPem) {
        try {
            return PluginTransport.serverTls(own, PluginCertificate.parsePem(clientPem));
        } catch (SSLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** What a start-up thread made; its failure as the exception it was. */
    private static <T> T await(CompletableFuture<T> made) {
        try {
            return made.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A started server and the address the handshake names. */
    private record Listening(Server server, PluginAddress address) {}

    /**
     * Starts the server on a fresh Unix socket, or where Unix sockets are missing on the first
     * free loopback port of the host's range, as go-plugin does.
     */
    private static Listening listen(
            PluginTransport transport, Map<String, String> environment, UnaryOperator<NettyServerBuilder> withServices)
            throws IOException {
        if (transport.supportsUnixSockets()) {
            PluginAddress socket = socketAddress(environment);
            return new Listening(
                    withServices.apply(transport.serverBuilder(socket)).build().start(), socket);
        }
        PluginPortRange range = PluginPortRange.fromEnvironment(environment);
        IOException lastFailure = null;
        for (int port = range.min(); port <= range.max(); port++) {
            PluginAddress.Tcp address = new PluginAddress.Tcp(LOOPBACK, port);
            try {
                Server server = withServices
                        .apply(transport.serverBuilder(address))
                        .build()
                        .start();
                return new Listening(server, new PluginAddress.Tcp(LOOPBACK, server.getPort()));
            } catch (IOException taken) {
                lastFailure = taken;
            }
        }
        throw new IOException(
                "no free TCP port from " + range.min() + " to " + range.max() + " ("
                        + PluginPortRange.MIN_ENVIRONMENT_VARIABLE + ", " + PluginPortRange.MAX_ENVIRONMENT_VARIABLE
                        + "): " + lastFailure.getMessage(),
                lastFailure);
    }

    private static PluginAddress socketAddress(Map<String, String> environment) throws IOException {
        String dir = environment.get(SOCKET_DIR_ENVIRONMENT_VARIABLE);
        Path directory = Path.of(dir == null || dir.isBlank() ? System.getProperty("java.io.tmpdir") : dir);
        // A fresh unique name, freed again so that the server can bind a socket there.
        Path socket = Files.createTempFile(directory, "plugin", "");
        Files.delete(socket);
        return new PluginAddress.UnixSocket(socket);
    }

    private void awaitShutdownRequest() {
        boolean interrupted = false;
        while (shutdownRequested.getCount() > 0) {
            try {
                shutdownRequested.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking calls, lets running ones finish for a moment, then closes everything. */
    private void stop() {
        server.shutdown();
        stdio.close();
        broker.closeAll();
        try {
            if (!server.awaitTermination(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        threads.close();
        transport.close();
        if (handshake.address() instanceof PluginAddress.UnixSocket socket) {
            try {
                Files.deleteIfExists(socket.path());
            } catch (IOException leftBehind) {
                // A stale socket file in the temp directory harms nobody.
            }
        }
    }
}
