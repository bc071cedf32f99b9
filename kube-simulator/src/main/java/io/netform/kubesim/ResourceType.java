package io.netform.kubesim;

import java.util.List;
import java.util.Locale;

/**
 * A kind the simulator announces in discovery, so {@code kubectl} can map kinds and short names to
 * paths. Objects of other kinds are still stored when a client names their path.
 *
 * @param group the API group, empty for the core group
 * @param version the API version
 * @param plural the resource name in paths
 * @param kind the object kind
 * @param namespaced whether objects live in a namespace
 * @param shortNames kubectl's abbreviations, e.g. {@code ns}
 */
record ResourceType(
        String group, String version, String plural, String kind, boolean namespaced, List<String> shortNames) {

    /** Every kind in discovery: what Netform's Kubernetes provider and its examples use, and their neighbours. */
    static final List<ResourceType> ALL = List.of(
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
            new ResourceType("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, List.of("netpol")),
            new ResourceType("networking.k8s.io", "v1", "ingresses", "Ingress", true, List.of("ing")),
            new ResourceType("apps", "v1", "deployments", "Deployment", true, List.of("deploy")),
            new ResourceType("apps", "v1", "statefulsets", "StatefulSet", true, List.of("sts")),
            new ResourceType("apps", "v1", "daemonsets", "DaemonSet", true, List.of("ds")),
            new ResourceType("apps", "v1", "replicasets", "ReplicaSet", true, List.of("rs")));

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

    private static ResourceType core(String plural, String kind, boolean namespaced, String... shortNames) {
        return new ResourceType("", "v1", plural, kind, namespaced, List.of(shortNames));
    }
}
