package io.netform.goplugin;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.stub.StreamObserver;
import io.netform.proto.plugin.GRPCControllerGrpc;
import io.netform.proto.plugin.GRPCStdioGrpc;
import io.netform.proto.plugin.StdioData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The host side of go-plugin: launches a plugin executable, reads its handshake, connects over
 * its socket (AutoMTLS pinned to the certificate it announced), health-checks it, relays its
 * output to a log sink, notices when it dies, and stops it with Shutdown, then a kill.
 */
public final class PluginClient implements AutoCloseable {

    /** How long a plugin gets to exit after Shutdown before it is killed, as in go-plugin. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final PluginLaunch launch;
    private final Process process;
    private final PluginOutput output;
    private final PluginTransport transport;
    private final ManagedChannel channel;
    private final int appVersion;
    private final CompletableFuture<Integer> exitStatus;
    private volatile boolean closing;

    private PluginClient(
            PluginLaunch launch,
            Process process,
            PluginOutput output,
            PluginTransport transport,
            ManagedChannel channel,
            int appVersion) {
        this.launch = launch;
        this.process = process;
        this.output = output;
        this.transport = transport;
        this.channel = channel;
        this.appVersion = appVersion;
        this.exitStatus = process.onExit().thenApply(this::reportExit);
    }

    /**
     * Launches the plugin and returns once it is connected and healthy.
     *
     * @throws PluginStartException when it cannot be run, does not complete the handshake in time,
     *     announces something the host cannot use, exits first or is not healthy
     */
    public static PluginClient launch(PluginLaunch launch) {
        PluginTransport.skipNettyDiagnostics();
        PluginCertificate own = launch.autoMtls() ? PluginCertificate.generate() : null;
        Process process = start(launch, own);
        PluginOutput output = PluginOutput.follow(launch.name(), process, launch.logSink());
        log(launch, LogLevel.DEBUG, "plugin started", Map.of("pid", String.valueOf(process.pid())));
        Instant deadline = Instant.now().plus(launch.startTimeout());
        // Most of a second passes before a JVM plugin prints its handshake: the transport and the
        // JDK's TLS get ready meanwhile instead of after it.
        CompletableFuture<PluginTransport> transport = PluginTransport.openAhead();
        HandshakeLine handshake;
        try {
            handshake = awaitHandshake(launch, process, output, deadline);
        } catch (PluginStartException e) {
            process.destroyForcibly();
            transport.thenAccept(PluginTransport::close);
            throw e;
        }
        log(
                launch,
                LogLevel.DEBUG,
                "plugin handshake received",
                Map.of(
                        "address", handshake.address().address(),
                        "protocol_version", String.valueOf(handshake.appVersion()),
                        "auto_mtls", String.valueOf(handshake.hasServerCertificate())));
        PluginTransport ready;
        try {
            ready = transport.join();
        } catch (CompletionException e) {
            process.destroyForcibly();
            throw failure(launch, output, "cannot open a connection: " + e.getCause(), e.getCause());
        }
        return connect(launch, process, output, own, handshake, deadline, ready);
    }

    private static PluginClient connect(
            PluginLaunch launch,
            Process process,
            PluginOutput output,
            PluginCertificate own,
            HandshakeLine handshake,
            Instant deadline,
            PluginTransport transport) {
        PluginClient client = null;
        try {
            ManagedChannel channel = transport.channel(handshake.address(), clientTls(launch, output, own, handshake));
            client = new PluginClient(launch, process, output, transport, channel, handshake.appVersion());
            client.checkHealth(deadline);
            log(launch, LogLevel.DEBUG, "plugin healthy", Map.of());
            client.streamStdio();
            return client;
        } catch (RuntimeException e) {
            if (client != null) {
                // A plugin that failed to start is not "exiting unexpectedly".
                client.closing = true;
                client.channel.shutdownNow();
            }
            process.destroyForcibly();
            transport.close();
            throw e instanceof PluginStartException started
                    ? started
                    : failure(launch, output, "cannot connect: " + e, e);
        }
    }

    private static Process start(PluginLaunch launch, PluginCertificate own) {
        ProcessBuilder builder = new ProcessBuilder(launch.command());
        if (launch.workingDirectory() != null) {
            builder.directory(launch.workingDirectory().toFile());
        }
        Map<String, String> environment = builder.environment();
        environment.putAll(launch.environment());
        environment.put(launch.cookie().key(), launch.cookie().value());
        environment.put(ProtocolVersions.ENVIRONMENT_VARIABLE, ProtocolVersions.format(launch.versions()));
        if (own != null) {
            environment.put(PluginCertificate.CLIENT_CERT_ENVIRONMENT_VARIABLE, own.pem());
        } else {
            environment.remove(PluginCertificate.CLIENT_CERT_ENVIRONMENT_VARIABLE);
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new PluginStartException(
                    launch.name(), "cannot run " + launch.command().get(0) + ": " + e.getMessage(), List.of(), e);
        }
    }

    private static HandshakeLine awaitHandshake(
            PluginLaunch launch, Process process, PluginOutput output, Instant deadline) {
        String line = firstLineOrNull(launch, process, output, deadline);
        if (line == null) {
            // Stdout ends a moment before the exit is observable; the status is worth the wait.
            awaitQuietly(process.onExit(), SHUTDOWN_GRACE);
            awaitQuietly(output.stderrDone(), SHUTDOWN_GRACE);
            String what = process.isAlive() ? "closed its stdout" : "exited with status " + process.exitValue();
            throw failure(launch, output, what + " before completing the handshake", null);
        }
        HandshakeLine handshake;
        try {
            handshake = HandshakeLine.parse(line);
        } catch (IllegalArgumentException e) {
            throw failure(
                    launch, output, "printed an unrecognised handshake line '" + line + "': " + e.getMessage(), e);
        }
        checkCompatible(launch, output, handshake);
        return handshake;
    }

    /** Waits for the handshake line, the process's exit or the deadline, whichever comes first. */
    private static String firstLineOrNull(PluginLaunch launch, Process process, PluginOutput output, Instant deadline) {
        try {
            CompletableFuture.anyOf(output.firstStdoutLine(), process.onExit())
                    .get(Math.max(0, Duration.between(Instant.now(), deadline).toNanos()), TimeUnit.NANOSECONDS);
            // After an exit, stdout may still hold a line the reader has not reached yet.
            return output.firstStdoutLine().get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure(
                    launch,
                    output,
                    "did not complete the handshake within "
                            + launch.startTimeout().toMillis()
                            + " ms of being started",
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(launch, output, "interrupted while waiting for the handshake", e);
        } catch (ExecutionException e) {
            throw failure(launch, output, "cannot read the handshake: " + e.getCause(), e.getCause());
        }
    }

    private static void checkCompatible(PluginLaunch launch, PluginOutput output, HandshakeLine handshake) {
        if (handshake.coreVersion() != HandshakeLine.CORE_PROTOCOL_VERSION) {
            throw failure(
                    launch,
                    output,
                    "speaks go-plugin core protocol "
                            + handshake.coreVersion()
                            + " but Netform speaks only "
                            + HandshakeLine.CORE_PROTOCOL_VERSION
                            + "; the plugin must be rebuilt with a compatible plugin SDK",
                    null);
        }
        if (!launch.versions().contains(handshake.appVersion())) {
            throw failure(
                    launch,
                    output,
                    "speaks plugin protocol version "
                            + handshake.appVersion()
                            + " but Netform offered only "
                            + ProtocolVersions.format(launch.versions())
                            + "; use a release of the plugin built for one of those versions",
                    null);
        }
        if (!HandshakeLine.GRPC.equals(handshake.protocol())) {
            throw failure(
                    launch,
                    output,
                    "wants the '" + handshake.protocol() + "' RPC protocol but Netform speaks only grpc",
                    null);
        }
    }

    private static SslContext clientTls(
            PluginLaunch launch, PluginOutput output, PluginCertificate own, HandshakeLine handshake) {
        if (own == null) {
            return null;
        }
        if (!handshake.hasServerCertificate()) {
            throw failure(
                    launch,
                    output,
                    "did not announce a certificate although AutoMTLS was requested; the plugin may not"
                            + " support AutoMTLS",
                    null);
        }
        try {
            return PluginTransport.clientTls(own, PluginCertificate.parseHandshakeField(handshake.serverCertificate()));
        } catch (SSLException | IllegalArgumentException e) {
            throw failure(launch, output, "announced an unusable certificate: " + e.getMessage(), e);
        }
    }

    private void checkHealth(Instant deadline) {
        HealthCheckResponse.ServingStatus status;
        try {
            status = HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(millisUntil(deadline), TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.newBuilder()
                            .setService(PluginServer.HEALTH_SERVICE_NAME)
                            .build())
                    .getStatus();
        } catch (StatusRuntimeException e) {
            throw failure(launch, output, "did not answer the health check: " + describe(e.getStatus()), e);
        }
        if (status != HealthCheckResponse.ServingStatus.SERVING) {
            throw failure(launch, output, "reports its health as " + status + " instead of SERVING", null);
        }
    }

    /** Relays what the plugin writes to its standard streams; plugins without GRPCStdio are fine. */
    private void streamStdio() {
        GRPCStdioGrpc.newStub(channel).streamStdio(Empty.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(StdioData data) {
                String stream = data.getChannel() == StdioData.Channel.STDERR ? "stderr" : "stdout";
                for (String line :
                        data.getData().toString(StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.isEmpty()) {
                        log(LogLevel.DEBUG, line, Map.of("stream", stream));
                    }
                }
            }

            @Override
            public void onError(Throwable error) {
                Status status = Status.fromThrowable(error);
                if (!closing && status.getCode() != Status.Code.CANCELLED) {
                    log(LogLevel.DEBUG, "plugin does not stream its stdio", Map.of("status", describe(status)));
                }
            }

            @Override
            public void onCompleted() {
                // The plugin ends the stream when it stops; its exit is reported separately.
            }
        });
    }

    private int reportExit(Process exited) {
        int status = exited.exitValue();
        Map<String, String> fields = Map.of("pid", String.valueOf(exited.pid()), "status", String.valueOf(status));
        if (closing) {
            log(LogLevel.DEBUG, "plugin process exited", fields);
        } else {
            log(LogLevel.ERROR, "plugin process exited unexpectedly", fields);
        }
        return status;
    }

    private void log(LogLevel level, String message, Map<String, String> fields) {
        log(launch, level, message, fields);
    }

    private static void log(PluginLaunch launch, LogLevel level, String message, Map<String, String> fields) {
        launch.logSink().log(launch.name(), new HclogRecord(level, message, Instant.now(), fields));
    }

    private static long millisUntil(Instant deadline) {
        return Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
    }

    private static PluginStartException failure(
            PluginLaunch launch, PluginOutput output, String problem, Throwable cause) {
        return new PluginStartException(launch.name(), problem, output.lastStderrLines(), cause);
    }

    private static String describe(Status status) {
        return status.getDescription() == null
                ? status.getCode().toString()
                : status.getCode() + " (" + status.getDescription() + ")";
    }

    private static void awaitQuietly(CompletableFuture<?> future, Duration limit) {
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Best effort: the caller reports what it has.
        }
    }

    /** The plugin's name, as given at launch. */
    public String name() {
        return launch.name();
    }

    /** The channel to the plugin's services, e.g. for a {@code tfplugin6.Provider} stub. */
    public io.grpc.Channel channel() {
        return channel;
    }

    /** The application protocol version the plugin chose. */
    public int appVersion() {
        return appVersion;
    }

    /** The plugin's operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** True while the plugin process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit status when the plugin process ends, however it ends. */
    public CompletableFuture<Integer> onExit() {
        return exitStatus.copy();
    }

    /** Asks the plugin to shut down, gives it two seconds to exit, then kills it. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (process.isAlive()) {
            try {
                GRPCControllerGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                        .shutdown(io.netform.proto.plugin.Empty.getDefaultInstance());
            } catch (StatusRuntimeException e) {
                // Go plugins stop their server before answering; the exit below is what counts.
                log(LogLevel.DEBUG, "Shutdown call ended without a reply", Map.of("status", describe(e.getStatus())));
            }
        }
        channel.shutdown();
        if (!exitsWithin(SHUTDOWN_GRACE)) {
            log(
                    LogLevel.WARN,
                    "plugin did not exit after Shutdown; killing it",
                    Map.of("pid", String.valueOf(process.pid())));
            process.destroyForcibly();
            exitsWithin(SHUTDOWN_GRACE);
        }
        channel.shutdownNow();
        transport.close();
        awaitQuietly(output.stderrDone(), SHUTDOWN_GRACE);
    }

    private boolean exitsWithin(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
