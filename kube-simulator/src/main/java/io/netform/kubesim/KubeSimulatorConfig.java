package io.netform.kubesim;

import java.nio.file.Path;
import java.util.List;

/**
 * How a simulator runs.
 *
 * @param host the address to listen on
 * @param port the port (0: a free one)
 * @param dataDirectory where the kubeconfig, the certificate and the objects are kept; null keeps
 *     everything in memory and writes no kubeconfig
 * @param adminToken the bearer token of the user who may do everything not forbidden
 * @param readOnlyToken the bearer token of the user who may only get, list and watch
 * @param forbidden verb/resource pairs refused to every user with 403
 */
public record KubeSimulatorConfig(
        String host, int port, Path dataDirectory, String adminToken, String readOnlyToken, List<String> forbidden) {

    /** The default tokens: a local simulator's well-known credentials, as the NSX simulator's admin password is. */
    public static final String DEFAULT_ADMIN_TOKEN = "kube-sim-admin-token";

    public static final String DEFAULT_READ_ONLY_TOKEN = "kube-sim-readonly-token";

    public KubeSimulatorConfig {
        forbidden = List.copyOf(forbidden);
    }

    /** Loopback, a free port, in memory, the default tokens, nothing forbidden. */
    public static KubeSimulatorConfig defaults() {
        return new KubeSimulatorConfig("127.0.0.1", 0, null, DEFAULT_ADMIN_TOKEN, DEFAULT_READ_ONLY_TOKEN, List.of());
    }

    /** This configuration keeping its files in the directory. */
    public KubeSimulatorConfig withDataDirectory(Path directory) {
        return new KubeSimulatorConfig(host, port, directory, adminToken, readOnlyToken, forbidden);
    }

    /** This configuration refusing {@code VERB:RESOURCE} pairs, e.g. {@code create:networkpolicies}. */
    public KubeSimulatorConfig withForbidden(List<String> rules) {
        return new KubeSimulatorConfig(host, port, dataDirectory, adminToken, readOnlyToken, rules);
    }
}
