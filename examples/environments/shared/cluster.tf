# What every environment's root module holds besides its backend: the provider, the platform's
# outputs and the cluster's networking at the environment's sizes. An environment with zones runs
# on the platform's failure-domain edge cluster, active and standby; one without, on the single one.

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
  # Each size is the first subnet of that prefix length in the platform's range for the environment.
  pod_cidr      = cidrsubnet(local.plan.pod_range, var.pod_block_prefix - tonumber(split("/", local.plan.pod_range)[1]), 0)
  external_cidr = cidrsubnet(local.plan.external_range, var.snat_pool_prefix - tonumber(split("/", local.plan.external_range)[1]), 0)
  node_cidr     = cidrsubnet(local.plan.node_range, var.node_prefix - tonumber(split("/", local.plan.node_range)[1]), 0)
}

module "cluster" {
  # From a checkout, by path. A team pins a release of the modules instead, e.g.
  #   source = "git::https://git.example.com/platform/netform-modules.git//cluster-network?ref=v1.4.0"
  # (init fetches it; that needs the network).
  source = "../../../modules/cluster-network"

  cluster_name             = var.environment
  namespaces               = var.namespaces
  tier0_path               = local.platform.tier0_path
  edge_cluster_name        = length(var.zones) > 0 ? local.platform.zone_edge_cluster.name : local.platform.single_edge_cluster.name
  ha_mode                  = length(var.zones) > 0 ? "ACTIVE_STANDBY" : null
  failover_mode            = var.failover_mode
  node_cidr                = local.node_cidr
  pod_ip_block_cidr        = local.pod_cidr
  external_cidr            = local.external_cidr
  lb_size                  = var.lb_size
  ingress_certificate_path = "/infra/certificates/${var.environment}-ingress"
  tags                     = { environment = var.environment }
}
