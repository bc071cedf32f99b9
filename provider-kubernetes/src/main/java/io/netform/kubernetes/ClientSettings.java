package io.netform.kubernetes;

import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.netform.provider.DiagnosticException;
import io.netform.value.Value;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The provider block resolved as terraform-provider-kubernetes resolves it: kubeconfig files
 * ({@code config_path}, {@code config_paths}, {@code KUBE_CONFIG_PATH(S)}) and their context
 * selection first, then the static arguments ({@code host}, {@code token}, certificates, ...) and
 * their {@code KUBE_*} variables laid over them. {@code KUBECONFIG} is not read, as in Terraform.
 */
public record ClientSettings(Config config, String description) {

    /** Argument name to the environment variable that stands in for it, as the real provider has them. */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("host", "KUBE_HOST"),
            Map.entry("username", "KUBE_USER"),
            Map.entry("password", "KUBE_PASSWORD"),
            Map.entry("insecure", "KUBE_INSECURE"),
            Map.entry("tls_server_name", "KUBE_TLS_SERVER_NAME"),
            Map.entry("client_certificate", "KUBE_CLIENT_CERT_DATA"),
            Map.entry("client_key", "KUBE_CLIENT_KEY_DATA"),
            Map.entry("cluster_ca_certificate", "KUBE_CLUSTER_CA_CERT_DATA"),
            Map.entry("config_path", "KUBE_CONFIG_PATH"),
            Map.entry("config_context", "KUBE_CTX"),
            Map.entry("config_context_auth_info", "KUBE_CTX_AUTH_INFO"),
            Map.entry("config_context_cluster", "KUBE_CTX_CLUSTER"),
            Map.entry("token", "KUBE_TOKEN"),
            Map.entry("proxy_url", "KUBE_PROXY_URL"));

    /** Resolves the provider configuration, reading {@code KUBE_*} from {@code environment} and files relative to {@code home}. */
    public static ClientSettings from(Value block, Map<String, String> environment, Path home) {
        if (!block.unmarkDeep().isWhollyKnown()) {
            // Terraform's provider then dials localhost:80; naming the cause is kinder.
            throw new DiagnosticException(
                    "Kubernetes provider configuration not known yet",
                    "The kubernetes provider's configuration depends on values known only after apply (e.g. a"
                            + " cluster created in the same run). Apply the cluster first, then the Kubernetes"
                            + " resources, or use -target.");
        }
        Function<String, String> setting = name -> {
            Value value = block.getAttr(name);
            if (!value.isNull()) {
                return value.type().equals(io.netform.value.Type.BOOL)
                        ? String.valueOf(value.asBoolean())
                        : value.asString();
            }
            String variable = environment.get(ENVIRONMENT.get(name));
            return variable == null || variable.isEmpty() ? null : variable;
        };
        List<String> paths = configPaths(block, environment, setting, home);
        List<String> described = new ArrayList<>();
        ConfigBuilder builder;
        if (paths.isEmpty()) {
            builder = new ConfigBuilder(Config.empty());
        } else {
            builder = new ConfigBuilder(fromKubeconfig(paths, setting, described));
        }
        String host = setting.apply("host");
        if (host != null) {
            builder.withMasterUrl(host);
            described.add("host " + host);
        }
        if (Boolean.parseBoolean(setting.apply("insecure"))) {
            builder.withTrustCerts(true).withDisableHostnameVerification(true);
        }
        apply(setting.apply("tls_server_name"), builder::withTlsServerName);
        apply(pemData(setting.apply("cluster_ca_certificate")), builder::withCaCertData);
        apply(pemData(setting.apply("client_certificate")), builder::withClientCertData);
        apply(pemData(setting.apply("client_key")), builder::withClientKeyData);
        apply(setting.apply("username"), builder::withUsername);
        apply(setting.apply("password"), builder::withPassword);
        apply(setting.apply("token"), builder::withOauthToken);
        String proxy = setting.apply("proxy_url");
        if (proxy != null) {
            builder.withHttpProxy(proxy).withHttpsProxy(proxy);
        }
        Value exec = block.getAttr("exec");
        if (!exec.isNull() && exec.length() > 0) {
            builder.withOauthTokenProvider(
                    ExecCredentialPlugin.of(exec.elements().get(0), environment));
        }
        // Errors are reported to the user at once: no silent retries against a wrong address.
        builder.withRequestRetryBackoffLimit(0).withConnectionTimeout(10_000);
        Config config = builder.build();
        if (config.getMasterUrl() == null || described.isEmpty()) {
            throw new DiagnosticException(
                    "No Kubernetes API server configured",
                    "The kubernetes provider needs host (or KUBE_HOST) or config_path / config_paths (or"
                            + " KUBE_CONFIG_PATH / KUBE_CONFIG_PATHS). Netform does not fall back to"
                            + " localhost or to KUBECONFIG.");
        }
        return new ClientSettings(config, String.join(", ", described));
    }

    private static List<String> configPaths(
            Value block, Map<String, String> environment, Function<String, String> setting, Path home) {
        List<String> paths = new ArrayList<>();
        String single = setting.apply("config_path");
        Value many = block.getAttr("config_paths");
        if (single != null && !block.getAttr("config_path").isNull() && !many.isNull() && many.length() > 0) {
            throw new DiagnosticException(
                    "Conflicting kubeconfig settings", "config_path and config_paths cannot both be set.");
        }
        if (single != null) {
            paths.add(single);
        } else if (!many.isNull()) {
            many.elements().forEach(path -> paths.add(path.asString()));
        } else if (environment.get("KUBE_CONFIG_PATHS") != null) {
            for (String path : environment.get("KUBE_CONFIG_PATHS").split(File.pathSeparator)) {
                if (!path.isEmpty()) {
                    paths.add(path);
                }
            }
        }
        List<String> expanded = new ArrayList<>();
        for (String path : paths) {
            expanded.add(path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path);
        }
        return expanded;
    }

    /**
     * The kubeconfig files merged as kubectl merges them (the first file to name a context, cluster
     * or user wins; the first current-context wins), the context chosen, and the context's user and
     * cluster replaced when {@code config_context_auth_info} / {@code config_context_cluster} say so.
     */
    private static Config fromKubeconfig(List<String> paths, Function<String, String> setting, List<String> described) {
        io.fabric8.kubernetes.api.model.Config merged = null;
        Map<String, NamedContext> contexts = new LinkedHashMap<>();
        Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
        for (String path : paths) {
            io.fabric8.kubernetes.api.model.Config file;
            try {
                file = KubeConfigUtils.parseConfigFromString(Files.readString(Path.of(path)));
            } catch (java.io.IOException | RuntimeException e) {
                throw new DiagnosticException(
                        "Cannot read kubeconfig", "The kubeconfig " + path + " cannot be read: " + e.getMessage());
            }
            if (merged == null) {
                merged = file;
            } else if (merged.getCurrentContext() == null
                    || merged.getCurrentContext().isEmpty()) {
                merged.setCurrentContext(file.getCurrentContext());
            }
            Path directory = Path.of(path).toAbsolutePath().getParent();
            listOf(file.getContexts()).forEach(c -> contexts.putIfAbsent(c.getName(), c));
            listOf(file.getClusters()).forEach(c -> {
                if (c.getCluster() != null) {
                    c.getCluster()
                            .setCertificateAuthority(
                                    against(directory, c.getCluster().getCertificateAuthority()));
                }
                clusters.putIfAbsent(c.getName(), c);
            });
            listOf(file.getUsers()).forEach(u -> {
                if (u.getUser() != null) {
                    u.getUser()
                            .setClientCertificate(against(directory, u.getUser().getClientCertificate()));
                    u.getUser().setClientKey(against(directory, u.getUser().getClientKey()));
                }
                users.putIfAbsent(u.getName(), u);
            });
        }
        merged.setContexts(new ArrayList<>(contexts.values()));
        merged.setClusters(new ArrayList<>(clusters.values()));
        merged.setUsers(new ArrayList<>(users.values()));
        String contextName = setting.apply("config_context");
        if (contextName == null) {
            contextName = merged.getCurrentContext();
        }
        NamedContext context = contexts.get(contextName);
        if (context == null) {
            throw new DiagnosticException(
                    "Unknown kubeconfig context",
                    "The context \"" + contextName + "\" is not in " + String.join(", ", paths) + "; it has: "
                            + String.join(", ", contexts.keySet()) + ".");
        }
        String user = setting.apply("config_context_auth_info");
        if (user != null) {
            context.getContext().setUser(user);
        }
        String cluster = setting.apply("config_context_cluster");
        if (cluster != null) {
            context.getContext().setCluster(cluster);
        }
        described.add("config_path " + String.join(":", paths) + " context " + contextName);
        // fabric8 reads a kubeconfig from a file only, so the merged one is written to a private one.
        Path written = null;
        try {
            written = Files.createTempFile("netform-kubeconfig", ".yaml");
            Files.writeString(written, new KubernetesSerialization().asYaml(merged));
            return Config.fromKubeconfig(contextName, written.toFile());
        } catch (java.io.IOException | KubernetesClientException e) {
            throw new DiagnosticException("Invalid kubeconfig", e.getMessage());
        } finally {
            if (written != null) {
                written.toFile().delete();
            }
        }
    }

    /** A file a kubeconfig names, relative to that kubeconfig's directory, made absolute. */
    private static String against(Path directory, String file) {
        return file == null || Path.of(file).isAbsolute()
                ? file
                : directory.resolve(file).toString();
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void apply(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /** fabric8 takes certificates as kubeconfig's *-data fields do: base64 of the PEM text the user gives. */
    private static String pemData(String pem) {
        return pem == null ? null : Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }
}
