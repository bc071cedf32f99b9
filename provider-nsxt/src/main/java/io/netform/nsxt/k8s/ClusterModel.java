package io.netform.nsxt.k8s;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a policy is realized for: the cluster (the value of the pods' {@code ncp/cluster} tag), the
 * NSX domain that holds its groups and policies, and its namespaces with their labels, against
 * which namespaceSelectors are resolved to namespace names.
 */
public record ClusterModel(String cluster, String domain, Map<String, Map<String, String>> namespaces) {

    /** The label every namespace carries with its own name. */
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    public ClusterModel {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        namespaces.forEach((name, labels) -> copy.put(name, Map.copyOf(labels)));
        namespaces = Collections.unmodifiableMap(copy);
    }

    /** The names of the namespaces whose labels the selector matches, in name order. */
    public List<String> namespacesMatching(LabelSelector selector) {
        return namespaces.entrySet().stream()
                .filter(e -> selector.matches(labelsOf(e.getKey(), e.getValue())))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private static Map<String, String> labelsOf(String name, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(NAME_LABEL, name);
        return all;
    }
}
