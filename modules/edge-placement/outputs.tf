output "edge_cluster_path" {
  description = "The policy path of the edge cluster, for the tier-1's edge_cluster_path or locale_service."
  value       = data.nsxt_policy_edge_cluster.zones.path
}

output "zone_of_failure_domain" {
  description = "The zone name of each failure domain."
  value       = local.zone_of
}
