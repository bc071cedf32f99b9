terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }
}

data "nsxt_policy_edge_cluster" "zones" {
  display_name = var.edge_cluster_name
}

locals {
  zone_of = { for name, zone in var.zones : zone.failure_domain => name }

  # Per zone, its edges, and those whose transport node does not join the segments' transport zone.
  zone_edges = { for name, zone in var.zones : name => [
    for edge in data.nsxt_policy_edge_cluster.zones.edge_node : edge.display_name if edge.failure_domain == zone.failure_domain
  ] }
  edges_outside = { for name, zone in var.zones : name => [
    for edge in data.nsxt_policy_edge_cluster.zones.edge_node : edge.display_name
    if edge.failure_domain == zone.failure_domain && !try(contains(edge.overlay_transport_zone_paths, var.transport_zone_path), false)
  ] }
  unreachable = { for name, edges in local.edges_outside : name => (
    length(local.zone_edges[name]) == 0 ? "it has no edge in ${var.edge_cluster_name}" : "${join(", ", edges)} not in it"
  ) if length(edges) > 0 || length(local.zone_edges[name]) == 0 }
}

# Whichever zone runs the gateway's active context must reach its segments: an edge forwards
# for an overlay segment only when its transport node joins the segment's transport zone.
check "segments_reachable_from_every_zone" {
  assert {
    condition     = length(local.unreachable) == 0
    error_message = "The segments of transport zone ${var.transport_zone_path} must be reachable through the edges of every zone of var.zones; they are not from ${join("; ", [for zone, why in local.unreachable : "zone ${zone} (${why})"])}."
  }
}

# Read again on every plan, so the check reports the placement after a failover.
check "active_and_standby_in_different_zones" {
  data "nsxt_policy_tier1_gateway_ha_status" "gateway" {
    gateway_path = var.gateway_path
  }

  assert {
    condition = try(
      data.nsxt_policy_tier1_gateway_ha_status.gateway.active_failure_domain != data.nsxt_policy_tier1_gateway_ha_status.gateway.standby_failure_domain
      && contains(keys(local.zone_of), data.nsxt_policy_tier1_gateway_ha_status.gateway.active_failure_domain)
      && contains(keys(local.zone_of), data.nsxt_policy_tier1_gateway_ha_status.gateway.standby_failure_domain),
      false
    )
    error_message = "The active and standby contexts of ${var.gateway_path} must run in two different zones of var.zones; they run in failure domains ${jsonencode([data.nsxt_policy_tier1_gateway_ha_status.gateway.active_failure_domain, data.nsxt_policy_tier1_gateway_ha_status.gateway.standby_failure_domain])}."
  }
}
