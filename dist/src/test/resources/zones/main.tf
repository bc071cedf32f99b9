# A tier-1 with SNAT and a load balancer on the failure-domain-aware edge cluster, spread over
# three zones, and a client network on a second tier-1; the traceflows and the HA status are read
# again on every plan, so they show the data path and the placement after a zone fails.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }
}

variable "nsx_manager" {
  type        = string
  description = "The NSX Manager's address."
}

provider "nsxt" {
  host = var.nsx_manager
}

module "zones" {
  source = "../modules/edge-placement"

  zones = {
    zone-a = { failure_domain = "az-1" }
    zone-b = { failure_domain = "az-2" }
    zone-c = { failure_domain = "az-3" }
  }
  edge_cluster_name   = "edge-cluster-az"
  gateway_path        = nsxt_policy_tier1_gateway.prod.path
  transport_zone_path = data.nsxt_policy_transport_zone.overlay.path
}

data "nsxt_policy_transport_zone" "overlay" {
  is_default     = true
  transport_type = "OVERLAY_STANDARD"
}

resource "nsxt_policy_tier1_gateway" "prod" {
  nsx_id        = "prod-t1"
  display_name  = "prod-t1"
  tier0_path    = "/infra/tier-0s/T0"
  ha_mode       = "ACTIVE_STANDBY"
  failover_mode = "PREEMPTIVE"

  locale_service {
    edge_cluster_path = module.zones.edge_cluster_path
  }
}

resource "nsxt_policy_segment" "nodes" {
  nsx_id              = "prod-nodes"
  display_name        = "prod-nodes"
  connectivity_path   = nsxt_policy_tier1_gateway.prod.path
  transport_zone_path = data.nsxt_policy_transport_zone.overlay.path

  subnet {
    cidr = "10.1.0.1/24"
  }
}

resource "nsxt_policy_segment_port" "node" {
  nsx_id       = "node-1"
  display_name = "node-1"
  segment_path = nsxt_policy_segment.nodes.path

  address_binding {
    ip_address = "10.1.0.10"
  }
}

resource "nsxt_policy_nat_rule" "snat" {
  nsx_id              = "prod-snat"
  display_name        = "prod-snat"
  gateway_path        = nsxt_policy_tier1_gateway.prod.path
  action              = "SNAT"
  source_networks     = ["10.1.0.0/24"]
  translated_networks = ["192.168.50.1"]
}

resource "nsxt_policy_lb_service" "ingress" {
  nsx_id            = "prod-lb"
  display_name      = "prod-lb"
  connectivity_path = nsxt_policy_tier1_gateway.prod.path
  size              = "SMALL"
}

resource "nsxt_policy_lb_pool" "nodes" {
  nsx_id       = "prod-nodes"
  display_name = "prod-nodes"

  member {
    ip_address = nsxt_policy_segment_port.node.address_binding[0].ip_address
    port       = "80"
  }
}

data "nsxt_policy_lb_app_profile" "tcp" {
  type = "TCP"
}

resource "nsxt_policy_lb_virtual_server" "ingress" {
  nsx_id                   = "prod-ingress"
  display_name             = "prod-ingress"
  ip_address               = "192.168.60.5"
  ports                    = ["80"]
  service_path             = nsxt_policy_lb_service.ingress.path
  pool_path                = nsxt_policy_lb_pool.nodes.path
  application_profile_path = data.nsxt_policy_lb_app_profile.tcp.path
}

resource "nsxt_policy_tier1_gateway" "clients" {
  nsx_id       = "clients-t1"
  display_name = "clients-t1"
  tier0_path   = "/infra/tier-0s/T0"
}

resource "nsxt_policy_segment" "clients" {
  nsx_id              = "clients"
  display_name        = "clients"
  connectivity_path   = nsxt_policy_tier1_gateway.clients.path
  transport_zone_path = data.nsxt_policy_transport_zone.overlay.path

  subnet {
    cidr = "10.2.0.1/24"
  }
}

resource "nsxt_policy_segment_port" "client" {
  nsx_id       = "client-1"
  display_name = "client-1"
  segment_path = nsxt_policy_segment.clients.path

  address_binding {
    ip_address = "10.2.0.10"
  }
}

data "nsxt_policy_traceflow" "to_vip" {
  source           = nsxt_policy_segment_port.client.path
  destination_ip   = nsxt_policy_lb_virtual_server.ingress.ip_address
  protocol         = "TCP"
  destination_port = 80
}

data "nsxt_policy_traceflow" "through_snat" {
  source           = nsxt_policy_segment_port.node.path
  destination      = nsxt_policy_segment_port.client.path
  protocol         = "TCP"
  destination_port = 80
  depends_on       = [nsxt_policy_nat_rule.snat]
}

data "nsxt_policy_tier1_gateway_ha_status" "prod" {
  gateway_path = nsxt_policy_tier1_gateway.prod.path
  depends_on   = [nsxt_policy_lb_virtual_server.ingress]
}

output "to_vip" {
  value = data.nsxt_policy_traceflow.to_vip.verdict
}

output "through_snat" {
  value = data.nsxt_policy_traceflow.through_snat.verdict
}

output "active_zone" {
  value = module.zones.zone_of_failure_domain[data.nsxt_policy_tier1_gateway_ha_status.prod.active_failure_domain]
}

output "standby_failure_domain" {
  value = data.nsxt_policy_tier1_gateway_ha_status.prod.standby_failure_domain
}
