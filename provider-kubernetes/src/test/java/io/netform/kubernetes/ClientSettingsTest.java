package io.netform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.netform.provider.Configs;
import io.netform.provider.DiagnosticException;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider block resolved as terraform-provider-kubernetes resolves it. */
class ClientSettingsTest {

    @TempDir
    Path home;

    private Path dev;
    private Path prod;

    @BeforeEach
    void kubeconfigs() throws Exception {
        dev = Files.writeString(home.resolve("dev.yaml"), """
                apiVersion: v1
                kind: Config
                current-context: dev
                contexts:
                - name: dev
                  context: {cluster: dev, user: alice, namespace: apps}
                clusters:
                - name: dev
                  cluster: {server: "https://dev.example:6443"}
                users:
                - name: alice
                  user: {token: tok-alice}
                - name: bob
                  user: {token: tok-bob}
                """);
        prod = Files.writeString(home.resolve("prod.yaml"), """
                apiVersion: v1
                kind: Config
                current-context: prod
                contexts:
                - name: prod
                  context: {cluster: prod, user: bob}
                clusters:
                - name: prod
                  cluster: {server: "https://prod.example:6443"}
                """);
    }

    private static Value block(Map<String, ?> given) {
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .schema()
                        .block(),
                given);
    }

    private Config resolve(Map<String, ?> given, Map<String, String> environment) {
        return ClientSettings.from(block(given), environment, home).config();
    }

    /** The bearer token requests carry: an argument's, else the kubeconfig user's. */
    private static String token(Config config) {
        return config.getOauthToken() != null ? config.getOauthToken() : config.getAutoOAuthToken();
    }

    @Test
    void configPathUsesTheKubeconfigsCurrentContext() {
        ClientSettings settings = ClientSettings.from(block(Map.of("config_path", dev.toString())), Map.of(), home);

        assertThat(settings.config().getMasterUrl()).startsWith("https://dev.example:6443");
        assertThat(token(settings.config())).isEqualTo("tok-alice");
        assertThat(settings.description())
                .contains(dev.toString(), "context dev")
                .doesNotContain("tok-alice");
    }

    @Test
    void configPathsAreMergedAndConfigContextPicksOne() {
        Config config = resolve(
                Map.of("config_paths", List.of(dev.toString(), prod.toString()), "config_context", "prod"), Map.of());

        assertThat(config.getMasterUrl()).startsWith("https://prod.example:6443");
        assertThat(token(config)).as("bob is defined in the first file only").isEqualTo("tok-bob");
    }

    @Test
    void theKubeEnvironmentVariablesStandInForTheArguments() {
        Config config = resolve(Map.of(), Map.of("KUBE_CONFIG_PATHS", dev + ":" + prod, "KUBE_CTX", "prod"));

        assertThat(config.getMasterUrl()).startsWith("https://prod.example:6443");
        assertThat(resolve(Map.of(), Map.of("KUBE_HOST", "https://env.example", "KUBE_TOKEN", "t"))
                        .getOauthToken())
                .isEqualTo("t");
        assertThat(resolve(Map.of("host", "https://arg.example"), Map.of("KUBE_HOST", "https://env.example"))
                        .getMasterUrl())
                .startsWith("https://arg.example");
    }

    @Test
    void kubeconfigIsNotReadAndNothingConfiguredIsAnError() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("KUBECONFIG", dev.toString())))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("No Kubernetes API server configured");
    }

    @Test
    void theContextsUserAndClusterCanBeReplaced() {
        Config config = resolve(
                Map.of(
                        "config_paths",
                        List.of(dev.toString(), prod.toString()),
                        "config_context",
                        "dev",
                        "config_context_auth_info",
                        "bob",
                        "config_context_cluster",
                        "prod"),
                Map.of());

        assertThat(config.getMasterUrl()).startsWith("https://prod.example:6443");
        assertThat(token(config)).isEqualTo("tok-bob");
    }

    @Test
    void staticArgumentsOverrideTheKubeconfig() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        Config config = resolve(
                Map.of(
                        "config_path",
                        "~/dev.yaml",
                        "host",
                        "https://override.example:443",
                        "token",
                        "tok-arg",
                        "insecure",
                        true,
                        "cluster_ca_certificate",
                        pem,
                        "proxy_url",
                        "http://proxy.example:3128"),
                Map.of());

        assertThat(config.getMasterUrl()).startsWith("https://override.example:443");
        assertThat(token(config)).isEqualTo("tok-arg");
        assertThat(config.isTrustCerts()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(config.getCaCertData()), StandardCharsets.UTF_8))
                .isEqualTo(pem);
        assertThat(config.getHttpsProxy()).isEqualTo("http://proxy.example:3128");
    }

    @Test
    void badKubeconfigSettingsAreErrors() {
        assertThatThrownBy(() -> resolve(Map.of("config_path", dev.toString(), "config_context", "staging"), Map.of()))
                .hasMessageContaining("\"staging\" is not in")
                .hasMessageContaining("dev");
        assertThatThrownBy(() -> resolve(
                        Map.of("config_path", dev.toString(), "config_paths", List.of(prod.toString())), Map.of()))
                .hasMessageContaining("config_path and config_paths cannot both be set");
        assertThatThrownBy(() ->
                        resolve(Map.of("config_path", home.resolve("missing").toString()), Map.of()))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void theExecPluginsTokenIsUsed() {
        String credential = "{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"tok-$WHO\"}}";
        Config config = resolve(
                Map.of(
                        "host",
                        "https://eks.example",
                        "exec",
                        List.of(Map.of(
                                "api_version",
                                "client.authentication.k8s.io/v1beta1",
                                "command",
                                "/bin/sh",
                                "args",
                                List.of("-c", "echo '" + credential.replace("$WHO", "'\"$WHO\"'") + "'"),
                                "env",
                                Map.of("WHO", "exec")))),
                Map.of());

        assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("tok-exec");
    }

    @Test
    void credentialsAreSensitive() {
        var schema = new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                .schema()
                .block();
        assertThat(List.of("token", "password", "client_key", "client_certificate"))
                .allSatisfy(name -> assertThat(schema.attribute(name).map(SchemaAttribute::isSensitive))
                        .contains(true));
    }

    @Test
    void aConfigurationNotKnownUntilApplyIsAnErrorNotLocalhost() {
        assertThatThrownBy(() -> resolve(Map.of("host", Value.unknown(io.netform.value.Type.STRING)), Map.of()))
                .hasMessageContaining("known only after apply");
    }
}
