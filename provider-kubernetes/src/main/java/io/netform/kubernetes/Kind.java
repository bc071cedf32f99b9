package io.netform.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** A Kubernetes kind the provider manages: its API group/version, kind, URL plural and scope. */
public record Kind(String apiVersion, String kind, String plural, boolean namespaced) {

    public static final Kind NAMESPACE = new Kind("v1", "Namespace", "namespaces", false);
    public static final Kind SERVICE_ACCOUNT = new Kind("v1", "ServiceAccount", "serviceaccounts", true);
    public static final Kind SERVICE = new Kind("v1", "Service", "services", true);
    public static final Kind CONFIG_MAP = new Kind("v1", "ConfigMap", "configmaps", true);
    public static final Kind NETWORK_POLICY =
            new Kind("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", true);

    /** The group, empty for the core API. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String version() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    /** The context fabric8 needs to call this kind's endpoints without API discovery. */
    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group())
                .withVersion(version())
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
    }
}
