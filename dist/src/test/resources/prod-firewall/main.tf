# A small production stack for the drift gate and the simulator seed tests: a tier-1 placed on an
# edge cluster, a segment on it, two groups and a firewall section between them.

terraform {
  required_providers {
    nsxt = { source = "vmware/nsxt" }
  }
}

variable "nsx_manager" {
  type = string
}

provider "nsxt" {
  host = var.nsx_manager
}

data "nsxt_policy_edge_cluster" "edge" {
  display_name = "edge-cluster-1"
}

data "nsxt_policy_transport_zone" "overlay" {
  display_name = "nsx-overlay-transportzone"
}

resource "nsxt_policy_tier1_gateway" "prod" {
  nsx_id            = "prod-t1"
  display_name      = "prod-t1"
  tier0_path        = "/infra/tier-0s/T0"
  edge_cluster_path = data.nsxt_policy_edge_cluster.edge.path
}

resource "nsxt_policy_segment" "app" {
  nsx_id              = "prod-app"
  display_name        = "prod-app"
  description         = "Application servers"
  connectivity_path   = nsxt_policy_tier1_gateway.prod.path
  transport_zone_path = data.nsxt_policy_transport_zone.overlay.path

  subnet {
    cidr = "10.20.1.1/24"
  }
}

resource "nsxt_policy_group" "clients" {
  nsx_id       = "prod-clients"
  display_name = "prod-clients"

  criteria {
    ipaddress_expression {
      ip_addresses = ["10.20.1.0/25"]
    }
  }
}

resource "nsxt_policy_group" "db" {
  nsx_id       = "prod-db"
  display_name = "prod-db"

  criteria {
    ipaddress_expression {
      ip_addresses = ["10.20.1.200"]
    }
  }
}

resource "nsxt_policy_security_policy" "prod" {
  nsx_id       = "prod-app"
  display_name = "prod-app"
  category     = "Application"

  rule {
    display_name       = "clients-to-db"
    source_groups      = [nsxt_policy_group.clients.path]
    destination_groups = [nsxt_policy_group.db.path]
    services           = ["/infra/services/MySQL"]
    action             = "ALLOW"
  }

  rule {
    display_name       = "nothing-else-to-db"
    destination_groups = [nsxt_policy_group.db.path]
    action             = "DROP"
  }
}

output "policy_path" {
  value = nsxt_policy_security_policy.prod.path
}
