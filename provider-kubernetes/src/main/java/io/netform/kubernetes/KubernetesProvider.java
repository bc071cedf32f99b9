package io.netform.kubernetes;

import io.netform.kubernetes.data.DataSourceCatalog;
import io.netform.kubernetes.resource.ResourceCatalog;
import io.netform.provider.DataSource;
import io.netform.provider.DiagnosticException;
import io.netform.provider.Provider;
import io.netform.provider.ProviderServer;
import io.netform.provider.ResourceType;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Provider {@code kubernetes}: terraform-provider-kubernetes's configuration, resources and data
 * sources over the fabric8 client.
 */
public final class KubernetesProvider implements Provider {

    private final Map<String, String> environment;
    private final Path home;
    private final Map<String, ResourceType> resources;
    private final Map<String, DataSource> dataSources;
    private volatile Cluster cluster;

    /**
     * @param home    where {@code ~} in kubeconfig paths points
     * @param polling how often waits (namespace deletion, service account) ask the API server again
     */
    public KubernetesProvider(Map<String, String> environment, Path home, Duration polling) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.resources = ResourceCatalog.all(this::cluster, polling);
        this.dataSources = DataSourceCatalog.all(this::cluster);
    }

    /** Runs the provider as a plugin. */
    public static void main(String[] args) {
        ProviderServer.serve(of(System.getenv()));
    }

    /** The provider as its plugin runs it with {@code environment}. */
    public static KubernetesProvider of(Map<String, String> environment) {
        return new KubernetesProvider(environment, Path.of(System.getProperty("user.home")), Duration.ofSeconds(1));
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public Schema schema() {
        SchemaBlock exec = SchemaBlock.of(
                SchemaAttribute.string("api_version")
                        .required()
                        .describedAs("The ExecCredential API version, e.g. client.authentication.k8s.io/v1beta1."),
                SchemaAttribute.string("command").required().describedAs("The credential plugin to run."),
                SchemaAttribute.of("args", Type.list(Type.STRING)).optional().describedAs("Its arguments."),
                SchemaAttribute.of("env", Type.map(Type.STRING))
                        .optional()
                        .describedAs("Environment variables added for it."));
        return Schema.of(SchemaBlock.of(
                        text("host", "The API server's URL, scheme://host:port"),
                        text("username", "HTTP basic auth user name"),
                        secret("password", "HTTP basic auth password"),
                        SchemaAttribute.bool("insecure")
                                .optional()
                                .describedAs("Skip TLS verification of the API server (KUBE_INSECURE)."),
                        text("tls_server_name", "The server name checked in the API server's certificate"),
                        secret("client_certificate", "PEM client certificate"),
                        secret("client_key", "PEM client key"),
                        text("cluster_ca_certificate", "PEM CA certificate of the API server"),
                        text("config_path", "A kubeconfig file"),
                        SchemaAttribute.of("config_paths", Type.list(Type.STRING))
                                .optional()
                                .describedAs("kubeconfig files, merged in order (KUBE_CONFIG_PATHS)."),
                        text("config_context", "The kubeconfig context"),
                        text("config_context_auth_info", "The kubeconfig user, instead of the context's"),
                        text("config_context_cluster", "The kubeconfig cluster, instead of the context's"),
                        secret("token", "A bearer token"),
                        text("proxy_url", "An http, https or socks5 proxy URL"))
                .with(new NestedBlock("exec", Nesting.LIST, exec, 0, 1))
                .describedAs("A Kubernetes API server."));
    }

    private static SchemaAttribute text(String name, String description) {
        return SchemaAttribute.string(name)
                .optional()
                .describedAs(description + " (" + ClientSettings.ENVIRONMENT.get(name) + ").");
    }

    private static SchemaAttribute secret(String name, String description) {
        return text(name, description).sensitive();
    }

    @Override
    public void configure(Value config) {
        Cluster previous = cluster;
        cluster = new Cluster(ClientSettings.from(config, environment, home));
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public Map<String, ResourceType> resources() {
        return resources;
    }

    @Override
    public Map<String, DataSource> dataSources() {
        return dataSources;
    }

    @Override
    public void close() {
        Cluster configured = cluster;
        if (configured != null) {
            configured.close();
        }
    }

    /** The API server configured by ConfigureProvider. */
    Cluster cluster() {
        Cluster configured = cluster;
        if (configured == null) {
            throw new DiagnosticException(
                    "Provider not configured",
                    "The kubernetes provider was used before its configuration was received.");
        }
        return configured;
    }
}
