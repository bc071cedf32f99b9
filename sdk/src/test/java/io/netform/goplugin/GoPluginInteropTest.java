package io.netform.goplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.netform.go.GoBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HashiCorp's own go-plugin (Debian's packaged library) against Netform's: a Go host drives a
 * Netform plugin, and Netform's client drives a Go plugin, with and without AutoMTLS. Without a
 * Go toolchain these tests fail and say what to install: interoperability is part of done.
 */
class GoPluginInteropTest {

    static final String INSTALL_COMMAND =
            "apt-get install -y golang-go golang-github-hashicorp-go-plugin-dev golang-google-grpc-dev";

    private static final Path SOURCES = Path.of("src/test/go").toAbsolutePath();
    private static final Path BUILD = Path.of("target/go-interop").toAbsolutePath();

    private static Path goHost;
    private static Path goProvider;

    @BeforeAll
    static void buildTheGoPrograms() throws IOException, InterruptedException {
        goHost = build("goplugin-host");
        goProvider = build("goplugin-provider");
    }

    @ParameterizedTest(name = "autoMtls={0}")
    @ValueSource(booleans = {true, false})
    void aGoPluginHostLaunchesHealthChecksAndShutsDownANetformPlugin(boolean autoMtls)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(goHost.toString(), "-automtls=" + autoMtls));
        command.addAll(TestPlugin.command("serve"));
        Path hostLog = BUILD.resolve("host-automtls-" + autoMtls + ".log");
        Process host =
                new ProcessBuilder(command).redirectError(hostLog.toFile()).start();
        String stdout = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(host.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(hostLog);

        assertThat(stdout.lines())
                .as("the Go host's report; its log:%n%s", log)
                .containsExactly("handshake ok protocol=6", "health check ok", "shutdown ok");
        assertThat(host.exitValue()).isZero();
        // The plugin's own hclog line, as go-plugin re-logs it, says whether AutoMTLS was on.
        assertThat(log).contains("plugin serving").contains("auto_mtls=" + autoMtls);
    }

    @ParameterizedTest(name = "autoMtls={0}")
    @ValueSource(booleans = {true, false})
    void theNetformClientLaunchesHealthChecksAndShutsDownAGoPlugin(boolean autoMtls) throws Exception {
        RecordingLogSink sink = new RecordingLogSink();
        PluginClient plugin = PluginClient.launch(PluginLaunch.of("goplugin-provider", List.of(goProvider.toString()))
                .withAutoMtls(autoMtls)
                .withLogSink(sink));
        try {
            assertThat(plugin.appVersion()).isEqualTo(6);
            assertThat(HealthGrpc.newBlockingStub(plugin.channel())
                            .check(HealthCheckRequest.newBuilder()
                                    .setService("plugin")
                                    .build())
                            .getStatus())
                    .isEqualTo(ServingStatus.SERVING);
            HclogRecord address = sink.awaitMessage("plugin address");
            assertThat(address.fields()).containsEntry("network", "unix").containsEntry("@module", "goplugin-provider");
            if (autoMtls) {
                sink.awaitMessage("configuring server automatic mTLS");
            }
        } finally {
            plugin.close();
        }
        assertThat(plugin.onExit().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(sink.records()).noneMatch(record -> record.message().contains("killing"));
    }

    private static Path build(String program) throws IOException, InterruptedException {
        return GoBuild.build(
                SOURCES.resolve(program), BUILD, program, "HashiCorp's go-plugin and gRPC", INSTALL_COMMAND);
    }
}
