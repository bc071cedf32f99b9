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

provider "nsxt" {
  host     = var.nsx_manager
  username = var.nsx_username
  password = var.nsx_password
  ca_file  = var.nsx_ca_file
}

data "terraform_remote_state" "platform" {
  backend = "local"
  config = {
    path = "../platform/terraform.tfstate"
  }
}

locals {
  platform = data.terraform_remote_state.platform.outputs
  plan     = local.platform.environments[var.environment]
  # Each size is the first subnet of that prefix length in the platform's range for prod.
  pod_cidr      = cidrsubnet(local.plan.pod_range, var.pod_block_prefix - tonumber(split("/", local.plan.pod_range)[1]), 0)
  external_cidr = cidrsubnet(local.plan.external_range, var.snat_pool_prefix - tonumber(split("/", local.plan.external_range)[1]), 0)
  node_cidr     = cidrsubnet(local.plan.node_range, var.node_prefix - tonumber(split("/", local.plan.node_range)[1]), 0)
  zones         = { for name in var.zones : name => { failure_domain = local.platform.zones[name].failure_domain } }
}

module "cluster" {
  # From a checkout, by path. A team pins a release of the modules instead, e.g.
  #   source = "git::https://git.example.com/platform/netform-modules.git//cluster-network?ref=v1.4.0"
  # (init fetches it; that needs the network).
  source = "../../../modules/cluster-network"

  cluster_name             = var.environment
  namespaces               = var.namespaces
  tier0_path               = local.platform.tier0_path
  edge_cluster_name        = local.platform.zone_edge_cluster.name
  ha_mode                  = "ACTIVE_STANDBY"
  failover_mode            = var.failover_mode
  node_cidr                = local.node_cidr
  pod_ip_block_cidr        = local.pod_cidr
  external_cidr            = local.external_cidr
  lb_size                  = var.lb_size
  ingress_certificate_path = "/infra/certificates/${var.environment}-ingress"
  tags                     = { environment = var.environment }
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

variable "zones" {
  type        = list(string)
  description = "The platform's zones prod spreads over: its tier-1's active and standby contexts run in two of them."
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
