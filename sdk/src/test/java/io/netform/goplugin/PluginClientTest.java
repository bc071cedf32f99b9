package io.netform.goplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.ByteString;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.GetMetadata;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import io.netform.proto.tfplugin6.StopProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Launches real plugin JVMs through {@link PluginClient} and checks what a host observes. */
class PluginClientTest {

    /** msgpack of {"name": "web"}. */
    private static final byte[] MSGPACK_NAME_WEB = {
        (byte) 0x81, (byte) 0xa4, 'n', 'a', 'm', 'e', (byte) 0xa3, 'w', 'e', 'b'
    };

    private final RecordingLogSink sink = new RecordingLogSink();

    private PluginLaunch launch(String mode) {
        return PluginLaunch.of("test-plugin", TestPlugin.command(mode)).withLogSink(sink);
    }

    @ParameterizedTest(name = "autoMtls={0}")
    @ValueSource(booleans = {true, false})
    void connectsHealthChecksCallsTheProviderAndShutsDown(boolean autoMtls) throws Exception {
        PluginClient plugin = PluginClient.launch(launch("serve").withAutoMtls(autoMtls));
        try {
            assertThat(plugin.appVersion()).isEqualTo(6);
            assertThat(HealthGrpc.newBlockingStub(plugin.channel())
                            .check(HealthCheckRequest.newBuilder()
                                    .setService("plugin")
                                    .build())
                            .getStatus())
                    .isEqualTo(ServingStatus.SERVING);
            DynamicValue proposed = DynamicValue.newBuilder()
                    .setMsgpack(ByteString.copyFrom(MSGPACK_NAME_WEB))
                    .build();
            PlanResourceChange.Response planned = ProviderGrpc.newBlockingStub(plugin.channel())
                    .planResourceChange(PlanResourceChange.Request.newBuilder()
                            .setTypeName("testing_object")
                            .setProposedNewState(proposed)
                            .build());
            assertThat(planned.getPlannedState()).isEqualTo(proposed);
        } finally {
            plugin.close();
        }
        assertThat(plugin.onExit().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(sink.records()).noneMatch(record -> record.message().contains("killing"));
        assertThat(sink.records()).noneMatch(record -> record.message().contains("unexpectedly"));
    }

    @Test
    void aBlockedCallOfAnOrdinaryServiceHoldsUpNoOtherCall() throws Exception {
        try (PluginClient plugin = PluginClient.launch(launch("slow"))) {
            ListenableFuture<PlanResourceChange.Response> blocked = ProviderGrpc.newFutureStub(plugin.channel())
                    .planResourceChange(PlanResourceChange.Request.newBuilder()
                            .setTypeName("testing_object")
                            .setProposedNewState(
                                    DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(MSGPACK_NAME_WEB)))
                            .build());
            ProviderGrpc.ProviderBlockingStub provider =
                    ProviderGrpc.newBlockingStub(plugin.channel()).withDeadlineAfter(30, TimeUnit.SECONDS);
            // Health runs on the connection's event loop, GetMetadata on a second worker.
            assertThat(HealthGrpc.newBlockingStub(plugin.channel())
                            .withDeadlineAfter(30, TimeUnit.SECONDS)
                            .check(HealthCheckRequest.newBuilder()
                                    .setService("plugin")
                                    .build())
                            .getStatus())
                    .isEqualTo(ServingStatus.SERVING);
            assertThat(provider.getMetadata(GetMetadata.Request.getDefaultInstance()))
                    .isNotNull();
            assertThat(blocked).isNotDone();

            provider.stopProvider(StopProvider.Request.getDefaultInstance());
            assertThat(blocked.get(30, TimeUnit.SECONDS)
                            .getPlannedState()
                            .getMsgpack()
                            .toByteArray())
                    .isEqualTo(MSGPACK_NAME_WEB);
        }
    }

    @Test
    void relaysThePluginsStdoutAfterTheHandshakeThroughGrpcStdio() throws Exception {
        try (PluginClient plugin = PluginClient.launch(launch("serve"))) {
            ProviderGrpc.newBlockingStub(plugin.channel()).getMetadata(GetMetadata.Request.getDefaultInstance());
            HclogRecord printed = sink.await(
                    "from the plugin's stdout", record -> record.message().startsWith("metadata requested at"));
            assertThat(printed.fields()).containsEntry("stream", "stdout");
        }
    }

    @Test
    void parsesHclogJsonLinesAndKeepsPlainLines() throws Exception {
        try (PluginClient plugin = PluginClient.launch(launch("logs"))) {
            assertThat(plugin.isAlive()).isTrue();
            HclogRecord json = sink.awaitMessage("configuring the test plugin");
            assertThat(json.level()).isEqualTo(LogLevel.INFO);
            assertThat(json.fields()).containsEntry("region", "eu-1").containsEntry("@module", "test-plugin");
            HclogRecord plain = sink.awaitMessage("[WARN] a plain warning line");
            assertThat(plain.level()).isEqualTo(LogLevel.WARN);
        }
    }

    @Test
    void failsClearlyWhenThePluginNeverCompletesTheHandshake() {
        assertThatThrownBy(() -> PluginClient.launch(launch("never-ready").withStartTimeout(Duration.ofSeconds(3))))
                .isInstanceOf(PluginStartException.class)
                .hasMessageContaining("plugin test-plugin: did not complete the handshake within 3000 ms")
                .hasMessageContaining("warming up, please wait");
    }

    @Test
    void failsClearlyWhenThePluginExitsBeforeTheHandshake() {
        assertThatThrownBy(() -> PluginClient.launch(launch("exit-early")))
                .isInstanceOf(PluginStartException.class)
                .hasMessageContaining("plugin test-plugin: exited with status 3 before completing the handshake")
                .hasMessageContaining("the test plugin cannot read its settings");
    }

    @Test
    void failsClearlyOnAMalformedHandshakeLine() {
        assertThatThrownBy(() -> PluginClient.launch(launch("garbage")))
                .isInstanceOf(PluginStartException.class)
                .hasMessageContaining("printed an unrecognised handshake line 'Hello! I am not a go-plugin.'");
    }

    @Test
    void failsClearlyWhenThePluginSpeaksAnotherProtocolVersion() {
        // Offered only 5, a plugin that speaks only 6 announces 6, as go-plugin servers do.
        assertThatThrownBy(() -> PluginClient.launch(launch("serve").withVersions(new TreeSet<>(List.of(5)))))
                .isInstanceOf(PluginStartException.class)
                .hasMessageContaining("speaks plugin protocol version 6 but Netform offered only 5");
    }

    @Test
    void failsClearlyWhenTheExecutableDoesNotExist() {
        assertThatThrownBy(() ->
                        PluginClient.launch(PluginLaunch.of("missing", List.of("/nonexistent/terraform-provider-x"))))
                .isInstanceOf(PluginStartException.class)
                .hasMessageContaining("plugin missing: cannot run /nonexistent/terraform-provider-x");
    }

    @Test
    void killsAPluginThatDoesNotExitAfterShutdown() throws Exception {
        PluginClient plugin = PluginClient.launch(launch("ignore-shutdown"));
        plugin.close();
        assertThat(plugin.onExit().get(10, TimeUnit.SECONDS)).isEqualTo(137);
        sink.awaitMessage("plugin did not exit after Shutdown; killing it");
    }

    @Test
    void noticesWhenThePluginDies() throws Exception {
        try (PluginClient plugin = PluginClient.launch(launch("serve"))) {
            ProcessHandle.of(plugin.pid()).orElseThrow().destroyForcibly();
            assertThat(plugin.onExit().get(10, TimeUnit.SECONDS)).isEqualTo(137);
            assertThat(plugin.isAlive()).isFalse();
            sink.awaitMessage("plugin process exited unexpectedly");
        }
    }

    @Test
    void thePluginIgnoresSigint() throws Exception {
        try (PluginClient plugin = PluginClient.launch(launch("serve"))) {
            interrupt(plugin.pid());
            if (!interruptIgnoredByThisProcess()) {
                sink.awaitMessage("plugin received interrupt signal, ignoring");
            }
            assertThat(HealthGrpc.newBlockingStub(plugin.channel())
                            .check(HealthCheckRequest.newBuilder()
                                    .setService("plugin")
                                    .build())
                            .getStatus())
                    .isEqualTo(ServingStatus.SERVING);
        }
    }

    /**
     * Whether SIGINT was already ignored when this JVM started, as for a command a non-interactive
     * shell runs in the background: the plugin then inherits that disposition, the JVM keeps it
     * rather than installing a handler, and the kernel discards the signal before any log line.
     * The plugin must still survive it.
     */
    private static boolean interruptIgnoredByThisProcess() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(
                        line.substring("SigIgn:".length()).trim(), 16);
                return (ignored & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }

    private static void interrupt(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
    }
}
