package io.netform.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.netform.certificate.Pem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request counts and the verbs forbidden at run time, in-process and through /sim/admin/. */
class AdminEndpointsTest {

    private static final String ADMIN = KubeSimulatorConfig.DEFAULT_ADMIN_TOKEN;

    @TempDir
    Path directory;

    private KubeSimulator simulator;
    private KubernetesClient client;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException, GeneralSecurityException {
        simulator = KubeSimulator.start(KubeSimulatorConfig.defaults().withDataDirectory(directory));
        client = Fabric8Client.of(simulator);
        http = HttpClient.newBuilder()
                .sslContext(trusting(directory.resolve("server.crt")))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void requestsAreCountedByVerbAndResourceUntilReset() throws Exception {
        simulator.requests().reset();
        client.namespaces().list();
        client.namespaces().list();
        client.namespaces().withName("default").get();
        client.configMaps()
                .inNamespace("default")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("settings")
                        .endMetadata()
                        .build())
                .create();

        assertThat(simulator.requests().byRequest())
                .containsExactly(
                        Map.entry("create configmaps", 1L),
                        Map.entry("get namespaces", 1L),
                        Map.entry("list namespaces", 2L));
        HttpResponse<String> counted = admin("GET", "requests", ADMIN);
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(counted.body())
                .isEqualTo("{\"total\":4,\"requests\":"
                        + "{\"create configmaps\":1,\"get namespaces\":1,\"list namespaces\":2}}");

        assertThat(admin("DELETE", "requests", ADMIN).body()).isEqualTo("{\"total\":0,\"requests\":{}}");
        assertThat(simulator.requests().total()).isZero();
    }

    @Test
    void aVerbForbiddenAtRunTimeIsRefusedWith403UntilLifted() throws Exception {
        assertThat(admin("PUT", "forbidden/list:pods", ADMIN).body()).isEqualTo("[\"list:pods\"]");

        assertThatThrownBy(() -> client.pods().inAnyNamespace().list())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(403))
                .hasMessageContaining("pods is forbidden: User \"kube-sim-admin\" cannot list resource \"pods\"");
        assertThat(client.pods().inNamespace("default").withName("web").get())
                .as("only the forbidden verb is refused")
                .isNull();
        assertThat(admin("GET", "forbidden", ADMIN).body()).isEqualTo("[\"list:pods\"]");

        assertThat(admin("DELETE", "forbidden/list:pods", ADMIN).body()).isEqualTo("[]");
        assertThat(client.pods().inAnyNamespace().list().getItems()).isEmpty();
        assertThat(admin("DELETE", "forbidden/list:pods", ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void theInProcessApiForbidsAndLiftsAsTheEndpointsDo() {
        simulator.forbidden().forbid("create:configmaps");
        assertThatThrownBy(() -> client.configMaps()
                        .inNamespace("default")
                        .resource(new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName("settings")
                                .endMetadata()
                                .build())
                        .create())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(403));

        assertThat(simulator.forbidden().lift("create:configmaps")).isTrue();
        assertThat(simulator.forbidden().rules()).isEmpty();
        assertThat(client.configMaps()
                        .inNamespace("default")
                        .resource(new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName("settings")
                                .endMetadata()
                                .build())
                        .create())
                .isNotNull();
    }

    @Test
    void theEndpointsAreTheAdminUsersAndRefuseWhatTheyDoNotKnow() throws Exception {
        assertThat(admin("GET", "requests", null).statusCode()).isEqualTo(401);
        HttpResponse<String> readOnly =
                admin("PUT", "forbidden/list:pods", KubeSimulatorConfig.DEFAULT_READ_ONLY_TOKEN);
        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(simulator.forbidden().rules()).isEmpty();

        HttpResponse<String> malformed = admin("PUT", "forbidden/pods", ADMIN);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("a forbidden verb is VERB:RESOURCE (e.g. list:pods), got 'pods'");
        assertThat(admin("POST", "requests", ADMIN).statusCode()).isEqualTo(405);
        assertThat(admin("GET", "faults", ADMIN).statusCode()).isEqualTo(404);
        assertThat(simulator.requests().byRequest())
                .as("admin requests are not Kubernetes API requests")
                .isEmpty();
    }

    private HttpResponse<String> admin(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.url() + "/sim/admin/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SSLContext trusting(Path certificate) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("kube-sim", Pem.certificate(Files.readString(certificate)));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
