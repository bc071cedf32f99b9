/**
 * Kubernetes NetworkPolicy in NSX: the policy model read and validated from a manifest object
 * ({@link io.netform.nsxt.k8s.NetworkPolicy}), its translation into NSX groups (shared by equal
 * selectors across policies) and two security policies (allow and isolation sections) following
 * NCP's tag convention, and the resource {@code nsxt_k8s_network_policy} that writes them through
 * the hierarchical API, reads them back to find changes made in NSX, and imports them.
 */
package io.netform.nsxt.k8s;
