output "tier0_path" {
  description = "The tier-0 gateway every environment's tier-1 connects to."
  value       = data.nsxt_policy_tier0_gateway.t0.path
}

output "zone_edge_cluster" {
  description = "The failure-domain-aware edge cluster: its display name and path."
  value = {
    name = data.nsxt_policy_edge_cluster.zones.display_name
    path = data.nsxt_policy_edge_cluster.zones.path
  }
}

output "single_edge_cluster" {
  description = "The edge cluster of environments without zones: its display name and path."
  value = {
    name = data.nsxt_policy_edge_cluster.single.display_name
    path = data.nsxt_policy_edge_cluster.single.path
  }
}

output "zones" {
  description = "By zone: its failure domain and the path of its preferred edge node."
  value = { for name, zone in var.zones : name => {
    failure_domain = zone.failure_domain
    edge_path      = data.nsxt_policy_edge_node.zone[name].path
  } }
}

output "environments" {
  description = "By environment: the ranges it carves its pod block, its SNAT and VIP pool and its node network from, and the platform's IP block paths."
  value = { for name, plan in var.environments : name => {
    pod_range           = nsxt_policy_ip_block.pods[name].cidr
    pod_block_path      = nsxt_policy_ip_block.pods[name].path
    external_range      = nsxt_policy_ip_block.external[name].cidr
    external_block_path = nsxt_policy_ip_block.external[name].path
    node_range          = plan.node_range
  } }
}
