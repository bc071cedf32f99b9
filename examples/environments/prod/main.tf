# The prod environment: the same modules as dev and test, bigger, spread over three availability
# zones. It reads the platform stack's outputs (apply examples/environments/platform first) and
# keeps its state in PostgreSQL: init with -backend-config=conn_str=... or PG_CONN_STR.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }

  backend "pg" {
    schema_name = "env_prod"
  }
}

locals {
  zones = { for name in var.zones : name => { failure_domain = local.platform.zones[name].failure_domain } }
}

# Validates the zones (three, each its own failure domain) and checks, on every plan, that the
# tier-1's active and standby contexts run in two different zones and that the edges of every
# zone join the node network's transport zone, so it is reachable whichever zone is active.
module "zones" {
  source = "../../../modules/edge-placement"

  zones               = local.zones
  edge_cluster_name   = local.platform.zone_edge_cluster.name
  gateway_path        = module.cluster.tier1_path
  transport_zone_path = module.cluster.transport_zone_path
}

# Where the tier-1's contexts run now; read on every plan, so it follows a failover.
data "nsxt_policy_tier1_gateway_ha_status" "cluster" {
  gateway_path = module.cluster.tier1_path
  depends_on   = [module.cluster]
}

output "active_zone" {
  description = "The zone whose edge runs the tier-1's active context."
  value       = try(module.zones.zone_of_failure_domain[data.nsxt_policy_tier1_gateway_ha_status.cluster.active_failure_domain], null)
}

output "standby_zone" {
  description = "The zone whose edge runs the standby context; null while no standby runs (its zone is down)."
  value       = try(module.zones.zone_of_failure_domain[data.nsxt_policy_tier1_gateway_ha_status.cluster.standby_failure_domain], null)
}
