package io.netform.dist;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP Kubernetes API in the test's JVM (fabric8's mock server in CRUD mode, answering a
 * test's expectations first), a fabric8 client to edit the cluster as kubectl would, and a
 * kubeconfig pointing at it, as kube-sim writes one.
 */
final class KubeApiServer implements AutoCloseable {

    final KubernetesMockServer server;
    final KubernetesClient kubectl;

    KubeApiServer() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        server.init();
        kubectl = server.createClient();
    }

    /** The API server's base URL. */
    String url() {
        return server.url("/").replaceAll("/$", "");
    }

    /** Writes a kubeconfig whose current context is this server, with a token as user. */
    Path writeKubeconfig(Path file) throws IOException {
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: sim
                    cluster:
                      server: %s
                users:
                  - name: admin
                    user:
                      token: sim-token
                contexts:
                  - name: sim
                    context:
                      cluster: sim
                      user: admin
                current-context: sim
                """.formatted(url()));
        return file;
    }

    /** The requests the server received since the last call, as "METHOD path". */
    List<String> requests() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
            seen.add(request.getMethod() + " " + request.getPath());
        }
        return seen;
    }

    @Override
    public void close() {
        kubectl.close();
        server.destroy();
    }
}
