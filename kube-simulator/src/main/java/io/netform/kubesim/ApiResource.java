package io.netform.kubesim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A kind the simulator announces in discovery, so {@code kubectl} can map kinds and short names to
 * paths: a built-in one, or one a stored CustomResourceDefinition defines. Objects of other kinds are
 * still stored when a client names their path.
 *
 * @param group the API group, empty for the core group
 * @param version the API version
 * @param plural the resource name in paths
 * @param kind the object kind
 * @param namespaced whether objects live in a namespace
 * @param shortNames kubectl's abbreviations, e.g. {@code ns}
 */
record ApiResource(
        String group, String version, String plural, String kind, boolean namespaced, List<String> shortNames) {

    /** Every kind in discovery: what Netform's Kubernetes provider and its examples use, and their neighbours. */
    static final List<ApiResource> ALL = List.of(
            core("namespaces", "Namespace", false, "ns"),
            core("pods", "Pod", true, "po"),
            core("services", "Service", true, "svc"),
            core("configmaps", "ConfigMap", true, "cm"),
            core("secrets", "Secret", true),
            core("serviceaccounts", "ServiceAccount", true, "sa"),
            core("endpoints", "Endpoints", true, "ep"),
            core("events", "Event", true, "ev"),
            core("nodes", "Node", false, "no"),
            core("persistentvolumeclaims", "PersistentVolumeClaim", true, "pvc"),
            new ApiResource("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, List.of("netpol")),
            new ApiResource("networking.k8s.io", "v1", "ingresses", "Ingress", true, List.of("ing")),
            new ApiResource("apps", "v1", "deployments", "Deployment", true, List.of("deploy")),
            new ApiResource("apps", "v1", "statefulsets", "StatefulSet", true, List.of("sts")),
            new ApiResource("apps", "v1", "daemonsets", "DaemonSet", true, List.of("ds")),
            new ApiResource("apps", "v1", "replicasets", "ReplicaSet", true, List.of("rs")),
            new ApiResource(
                    "apiextensions.k8s.io",
                    "v1",
                    "customresourcedefinitions",
                    "CustomResourceDefinition",
                    false,
                    List.of("crd", "crds")));

    /**
     * The kinds a CustomResourceDefinition (as JSON) defines: one per served version, or none when it
     * is no well-formed definition.
     */
    static List<ApiResource> definedBy(JsonNode definition) {
        JsonNode spec = definition.path("spec");
        JsonNode names = spec.path("names");
        String group = spec.path("group").asText("");
        String plural = names.path("plural").asText("");
        String kind = names.path("kind").asText("");
        if (group.isEmpty() || plural.isEmpty() || kind.isEmpty()) {
            return List.of();
        }
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(name -> shortNames.add(name.asText()));
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
        List<ApiResource> types = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (version.path("served").asBoolean(true)
                    && !version.path("name").asText("").isEmpty()) {
                types.add(new ApiResource(
                        group, version.path("name").asText(), plural, kind, namespaced, List.copyOf(shortNames)));
            }
        }
        return types;
    }

    /** The verbs discovery lists for every kind (and that the CRUD store answers). */
    static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** The {@code apiVersion} of objects of this kind: {@code v1} or {@code group/v1}. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The kind's singular lower-case name, as kubectl accepts it ({@code networkpolicy}). */
    String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    private static ApiResource core(String plural, String kind, boolean namespaced, String... shortNames) {
        return new ApiResource("", "v1", plural, kind, namespaced, List.of(shortNames));
    }
}
