output "tier1_path" {
  description = "The policy path of the cluster's tier-1 gateway."
  value       = nsxt_policy_tier1_gateway.cluster.path
}

output "node_segment_path" {
  description = "The policy path of the node segment."
  value       = nsxt_policy_segment.nodes.path
}

output "transport_zone_path" {
  description = "The overlay transport zone of the node and namespace segments: the tier-1's edges must join it to reach them."
  value       = nsxt_policy_segment.nodes.transport_zone_path
}

output "namespace_segments" {
  description = "By namespace: the policy path of its segment and its subnet."
  value = { for ns, segment in nsxt_policy_segment.namespace : ns => {
    path   = segment.path
    subnet = local.namespace_subnets[ns]
  } }
}

output "snat_ips" {
  description = "By namespace: the address its pods' egress is translated to."
  value       = { for ns, allocation in nsxt_policy_ip_address_allocation.snat : ns => allocation.allocation_ip }
}

output "vip" {
  description = "The ingress VIP, served on ports 80 and 443."
  value       = nsxt_policy_ip_address_allocation.vip.allocation_ip
}

output "external_pool_path" {
  description = "The policy path of the external IP pool, for more allocations (e.g. LoadBalancer services)."
  value       = nsxt_policy_ip_pool.external.path
}

output "namespace_group_paths" {
  description = "By namespace: the policy path of its group, for further firewall rules."
  value       = { for ns, group in nsxt_policy_group.namespace : ns => group.path }
}
