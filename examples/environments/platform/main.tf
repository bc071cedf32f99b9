# The platform stack: what every environment shares. It reads the tier-0 and the edges (installed
# with NSX, not by Terraform), owns the address plan as NSX IP blocks, and publishes both as
# outputs that dev, test and prod read with terraform_remote_state. Apply it first.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }

  # Local state beside this file (terraform.tfstate): the environments read it by path. A team
  # keeps it in the pg backend instead (backend "pg" { schema_name = "platform" }) and points the
  # environments' terraform_remote_state at backend = "pg".
  backend "local" {}
}

provider "nsxt" {
  host     = var.nsx_manager
  username = var.nsx_username
  password = var.nsx_password
  ca_file  = var.nsx_ca_file
}

data "nsxt_policy_tier0_gateway" "t0" {
  display_name = var.tier0_name
}

data "nsxt_policy_edge_cluster" "zones" {
  display_name = var.zone_edge_cluster_name
}

data "nsxt_policy_edge_cluster" "single" {
  display_name = var.single_edge_cluster_name
}

# The first edge of each failure domain, the preferred one for a context placed in that zone.
data "nsxt_policy_edge_node" "zone" {
  for_each = var.zones

  edge_cluster_path = data.nsxt_policy_edge_cluster.zones.path
  display_name      = each.value.preferred_edge
}

# One block per environment for pods and one for SNAT and VIP addresses: the environments carve
# their IP blocks and pools out of these, so no two environments can overlap.
resource "nsxt_policy_ip_block" "pods" {
  for_each = var.environments

  nsx_id       = "platform-${each.key}-pods"
  display_name = "platform-${each.key}-pods"
  description  = "Pod addresses reserved for the ${each.key} environment"
  cidr         = each.value.pod_range

  tag {
    scope = "environment"
    tag   = each.key
  }
}

resource "nsxt_policy_ip_block" "external" {
  for_each = var.environments

  nsx_id       = "platform-${each.key}-external"
  display_name = "platform-${each.key}-external"
  description  = "Routable SNAT and VIP addresses reserved for the ${each.key} environment"
  cidr         = each.value.external_range

  tag {
    scope = "environment"
    tag   = each.key
  }
}
