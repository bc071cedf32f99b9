package io.netform.nsxt.k8s;

import java.util.Optional;

/**
 * A peer that selects pods: by pod labels in the policy's namespace, by namespace labels, or both
 * (pods matching the pod selector inside the matching namespaces). An absent selector is empty.
 */
public record PodPeer(Optional<LabelSelector> podSelector, Optional<LabelSelector> namespaceSelector) implements Peer {}
