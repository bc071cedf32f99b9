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
