package io.netform.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A real HTTP Kubernetes API in the test JVM (fabric8's mock server in CRUD mode, answering
 * expectations first when a test sets some), a fabric8 client for editing objects behind the
 * provider's back, and the provider configured against it.
 */
public final class KubeApi implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final ProviderHarness harness;

    private KubeApi() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = server.createClient();
        harness = ProviderHarness.inProcess(
                new KubernetesProvider(Map.of(), Path.of("/nonexistent"), Duration.ofMillis(20)));
    }

    /** A fresh API server and the provider configured with {@code host} pointing at it. */
    public static KubeApi start() {
        KubeApi api = new KubeApi();
        List<?> diagnostics = api.harness.configure(api.providerConfig(Map.of("host", api.url())));
        if (!diagnostics.isEmpty()) {
            throw new IllegalStateException("configure: " + diagnostics);
        }
        return api;
    }

    /** The API server's base URL. */
    public String url() {
        return server.url("/").replaceAll("/$", "");
    }

    public KubernetesMockServer server() {
        return server;
    }

    /** A client that edits the cluster as kubectl would. */
    public KubernetesClient client() {
        return client;
    }

    public ProviderHarness harness() {
        return harness;
    }

    /** A provider configuration with these arguments set and every other one null. */
    public Value providerConfig(Map<String, ?> given) {
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .schema()
                        .block(),
                given);
    }

    /** The requests the server received since the last call, as "METHOD path". */
    public List<String> requests() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
            seen.add(request.getMethod() + " " + request.getPath());
        }
        return seen;
    }

    @Override
    public void close() {
        harness.close();
        client.close();
        server.destroy();
    }
}
