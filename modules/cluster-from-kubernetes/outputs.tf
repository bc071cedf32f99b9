output "tier1_path" {
  description = "The policy path of the cluster's tier-1 gateway."
  value       = module.network.tier1_path
}

output "namespace_segments" {
  description = "By namespace: the policy path of its segment and its subnet."
  value       = module.network.namespace_segments
}

output "snat_ips" {
  description = "By namespace: the address its pods' egress is translated to."
  value       = module.network.snat_ips
}

output "namespace_group_paths" {
  description = "By namespace: the policy path of its group."
  value       = module.network.namespace_group_paths
}

output "pod_ports" {
  description = "By namespace/name: the policy path of the pod's segment port, e.g. for traceflows."
  value       = { for key, port in nsxt_policy_segment_port.pod : key => port.path }
}

output "network_policies" {
  description = "By namespace/name: the allow and isolation sections of each NetworkPolicy."
  value = {
    for key, policy in nsxt_k8s_network_policy.policy : key => {
      allow     = policy.allow_policy_path
      isolation = policy.isolation_policy_path
    }
  }
}
