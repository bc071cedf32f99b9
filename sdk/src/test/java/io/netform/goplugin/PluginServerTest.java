package io.netform.goplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.netform.proto.plugin.Empty;
import io.netform.proto.plugin.GRPCControllerGrpc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link PluginServer} in a real JVM launched by hand, the way any go-plugin host would,
 * and checks the handshake, negotiation, AutoMTLS, health and Shutdown from the outside.
 */
class PluginServerTest {

    /** Netty without its native transport: no Unix sockets, so the plugin falls back to TCP. */
    private static final List<String> WITHOUT_EPOLL = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dio.grpc.netty.shaded.io.netty.transport.noNative=true");

    private static final String CLASS_PATH = System.getProperty("java.class.path");

    private Process plugin;
    private PluginTransport transport;

    @AfterEach
    void stopEverything() {
        if (plugin != null) {
            plugin.destroyForcibly();
        }
        if (transport != null) {
            transport.close();
        }
    }

    private Process start(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(TestPlugin.command("serve"));
        builder.environment().remove(PluginCertificate.CLIENT_CERT_ENVIRONMENT_VARIABLE);
        builder.environment().remove(MagicCookie.TERRAFORM.key());
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        plugin = builder.start();
        return plugin;
    }

    private HandshakeLine handshake(Map<String, String> environment) throws IOException {
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(start(environment).getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        assertThat(line).as("the handshake line").isNotNull();
        return HandshakeLine.parse(line);
    }

    private static Map<String, String> launchedByHost(String versions) {
        return Map.of(
                MagicCookie.TERRAFORM.key(),
                MagicCookie.TERRAFORM.value(),
                ProtocolVersions.ENVIRONMENT_VARIABLE,
                versions);
    }

    @Test
    void refusesToRunWithoutTheMagicCookie() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(TestPlugin.command("serve"));
        builder.environment().remove(MagicCookie.TERRAFORM.key());
        plugin = builder.start();
        String stderr = new String(plugin.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(plugin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(plugin.waitFor()).isEqualTo(1);
        assertThat(stderr).contains("This program is the test-plugin plugin").contains("not meant to be run directly");
        assertThat(stdout).isEmpty();
    }

    @Test
    void announcesAUnixSocketWithoutCertificateWhenTheHostAsksForNoTls() throws Exception {
        HandshakeLine line = handshake(launchedByHost("5,6"));
        assertThat(line.format()).matches("1\\|6\\|unix\\|/[^|]+\\|grpc\\|");
        Path socket = ((PluginAddress.UnixSocket) line.address()).path();
        assertThat(Files.exists(socket)).isTrue();

        transport = PluginTransport.open();
        ManagedChannel channel = transport.channel(line.address(), null);
        assertThat(health(channel)).isEqualTo(ServingStatus.SERVING);
        GRPCControllerGrpc.newBlockingStub(channel).shutdown(Empty.getDefaultInstance());
        assertThat(plugin.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(plugin.exitValue()).isZero();
        assertThat(Files.exists(socket))
                .as("the socket file is removed on exit")
                .isFalse();
        channel.shutdownNow();
    }

    @Test
    void fallsBackToItsLowestVersionWhenTheHostOffersNoneItSpeaks() throws Exception {
        assertThat(handshake(launchedByHost("4,5")).appVersion()).isEqualTo(6);
    }

    @Test
    void withAutoMtlsServesOnlyTheHostWhoseCertificateItWasGiven() throws Exception {
        PluginCertificate host = PluginCertificate.generate();
        Map<String, String> environment = new java.util.HashMap<>(launchedByHost("6"));
        environment.put(PluginCertificate.CLIENT_CERT_ENVIRONMENT_VARIABLE, host.pem());
        HandshakeLine line = handshake(environment);

        assertThat(line.serverCertificate()).doesNotContain("=").hasSizeGreaterThan(50);
        X509Certificate server = PluginCertificate.parseHandshakeField(line.serverCertificate());
        assertThat(((ECPublicKey) server.getPublicKey())
                        .getParams()
                        .getCurve()
                        .getField()
                        .getFieldSize())
                .isEqualTo(521);
        assertThat(server.getSubjectAlternativeNames()).containsExactly(List.of(2, "localhost"));

        transport = PluginTransport.open();
        Function<PluginCertificate, ManagedChannel> tlsAs = identity -> {
            try {
                return transport.channel(line.address(), PluginTransport.clientTls(identity, server));
            } catch (javax.net.ssl.SSLException e) {
                throw new AssertionError(e);
            }
        };
        ManagedChannel plaintext = transport.channel(line.address(), null);
        ManagedChannel stranger = tlsAs.apply(PluginCertificate.generate());
        ManagedChannel pinned = tlsAs.apply(host);

        assertThatThrownBy(() -> health(plaintext)).isInstanceOf(StatusRuntimeException.class);
        assertThatThrownBy(() -> health(stranger)).isInstanceOf(StatusRuntimeException.class);
        assertThat(health(pinned)).isEqualTo(ServingStatus.SERVING);
        List.of(plaintext, stranger, pinned).forEach(ManagedChannel::shutdownNow);
    }

    @Test
    void withoutUnixSocketsListensOnTheFirstFreeLoopbackPortOfTheHostsRange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int first = taken.getLocalPort();
            Map<String, String> environment = new HashMap<>(launchedByHost("6"));
            environment.putAll(new PluginPortRange(first, first + 50).environment());
            ProcessBuilder builder = new ProcessBuilder(TestPlugin.command("serve", WITHOUT_EPOLL, CLASS_PATH));
            builder.environment().remove(PluginCertificate.CLIENT_CERT_ENVIRONMENT_VARIABLE);
            builder.environment().putAll(environment);
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            plugin = builder.start();
            String line = new BufferedReader(new InputStreamReader(plugin.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();

            PluginAddress.Tcp address =
                    (PluginAddress.Tcp) HandshakeLine.parse(line).address();
            assertThat(address.host()).isEqualTo("127.0.0.1");
            assertThat(address.port()).isGreaterThan(first).isLessThanOrEqualTo(first + 50);
            transport = PluginTransport.open();
            ManagedChannel channel = transport.channel(address, null);
            assertThat(health(channel)).isEqualTo(ServingStatus.SERVING);
            channel.shutdownNow();
        }
    }

    @Test
    void refusesAPortRangeThatIsNoNumberOrEmpty() throws Exception {
        assertThat(failedStart(Map.of(PluginPortRange.MIN_ENVIRONMENT_VARIABLE, "ten thousand")))
                .contains("PLUGIN_MIN_PORT is")
                .contains("ten thousand")
                .contains("which is not a port number");
        assertThat(failedStart(Map.of(
                        PluginPortRange.MIN_ENVIRONMENT_VARIABLE, "30000",
                        PluginPortRange.MAX_ENVIRONMENT_VARIABLE, "20000")))
                .contains("PLUGIN_MIN_PORT (30000) is greater than PLUGIN_MAX_PORT (20000)");
    }

    @Test
    void refusesAHostCertificateItCannotRead() throws Exception {
        assertThat(failedStart(Map.of(PluginCertificate.CLIENT_CERT_ENVIRONMENT_VARIABLE, "not a certificate")))
                .contains("the plugin cannot start")
                .contains("not a PEM X.509 certificate");
    }

    /**
     * Starts the plugin with more environment where it must use TCP, and returns its stderr after
     * checking that it exited with 1 and printed no handshake line.
     */
    private String failedStart(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(TestPlugin.command("serve", WITHOUT_EPOLL, CLASS_PATH));
        builder.environment().putAll(launchedByHost("6"));
        builder.environment().putAll(environment);
        plugin = builder.start();
        // Its few lines fit the pipes, so it can exit before they are read; one that never exits fails here.
        assertThat(plugin.waitFor(30, TimeUnit.SECONDS)).as("the plugin exits").isTrue();
        String stderr = new String(plugin.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(plugin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(plugin.exitValue()).isEqualTo(1);
        assertThat(stdout).as("no handshake line").isEmpty();
        return stderr;
    }

    private static ServingStatus health(ManagedChannel channel) {
        return HealthGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder()
                        .setService(PluginServer.HEALTH_SERVICE_NAME)
                        .build())
                .getStatus();
    }
}
