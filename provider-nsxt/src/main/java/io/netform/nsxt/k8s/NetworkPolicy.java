package io.netform.nsxt.k8s;

import io.netform.value.Value;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code networking.k8s.io/v1} NetworkPolicy after validation and defaulting: the pods it
 * selects in its namespace, its rules per direction and the directions it isolates.
 */
public record NetworkPolicy(
        String name,
        String namespace,
        LabelSelector podSelector,
        List<PolicyRule> ingress,
        List<PolicyRule> egress,
        Set<PolicyType> policyTypes) {

    public NetworkPolicy {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        policyTypes = Collections.unmodifiableSet(
                policyTypes.isEmpty() ? EnumSet.noneOf(PolicyType.class) : EnumSet.copyOf(policyTypes));
    }

    /**
     * The policy in a decoded manifest (e.g. {@code yamldecode(file(...))}).
     *
     * @param root how the manifest is named in errors, e.g. {@code manifest}
     * @throws InvalidManifestException when the API server would refuse it
     */
    public static NetworkPolicy fromManifest(Value manifest, String root) {
        return new NetworkPolicyReader(root).read(manifest);
    }

    /** True when the policy isolates the selected pods in the direction. */
    public boolean isolates(PolicyType type) {
        return policyTypes.contains(type);
    }

    /** The rules of a direction; none when the policy does not apply in that direction. */
    public List<PolicyRule> rules(PolicyType type) {
        if (!isolates(type)) {
            return List.of();
        }
        return type == PolicyType.INGRESS ? ingress : egress;
    }
}
