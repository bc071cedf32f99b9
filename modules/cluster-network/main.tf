# One Kubernetes cluster's networking in PKS/TKGI's shared tier-1 topology, tagged as NCP tags
# what it creates: a tier-1 per cluster, a segment for the nodes and one per namespace, SNAT per
# namespace from an external pool, an ingress load balancer, and a firewall section that keeps
# the namespaces apart.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }
}

locals {
  cluster_tags   = merge(var.tags, { "ncp/cluster" = var.cluster_name })
  namespace_tags = { for ns in keys(var.namespaces) : ns => merge(local.cluster_tags, { "ncp/project" = ns }) }

  block_prefix = tonumber(split("/", nsxt_policy_ip_block.pods.cidr)[1])
  namespace_subnets = { for ns, slot in var.namespaces : ns => cidrsubnet(
    nsxt_policy_ip_block.pods.cidr, var.namespace_prefix_length - local.block_prefix, slot)
  }
  external_prefix = split("/", var.external_cidr)[1]
}

data "nsxt_policy_edge_cluster" "edge" {
  display_name = var.edge_cluster_name
}

data "nsxt_policy_transport_zone" "overlay" {
  display_name   = var.overlay_transport_zone_name
  is_default     = var.overlay_transport_zone_name == null ? true : null
  transport_type = "OVERLAY_STANDARD"
}

data "nsxt_policy_service" "dns" {
  display_name = "DNS"
}

data "nsxt_policy_service" "dns_udp" {
  display_name = "DNS-UDP"
}

data "nsxt_policy_lb_app_profile" "http" {
  type         = "HTTP"
  display_name = "default-http-lb-app-profile"
}

# --- routing: the cluster's tier-1 and its segments ---

resource "nsxt_policy_tier1_gateway" "cluster" {
  nsx_id            = "${var.cluster_name}-t1"
  display_name      = "${var.cluster_name}-t1"
  description       = "Tier-1 of Kubernetes cluster ${var.cluster_name}"
  tier0_path        = var.tier0_path
  edge_cluster_path = data.nsxt_policy_edge_cluster.edge.path
  ha_mode           = var.ha_mode
  failover_mode     = var.failover_mode
  route_advertisement_types = [
    "TIER1_CONNECTED", "TIER1_NAT", "TIER1_LB_VIP", "TIER1_LB_SNAT",
  ]

  dynamic "tag" {
    for_each = local.cluster_tags
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_segment" "nodes" {
  nsx_id              = "${var.cluster_name}-nodes"
  display_name        = "${var.cluster_name}-nodes"
  description         = "Node network of Kubernetes cluster ${var.cluster_name}"
  connectivity_path   = nsxt_policy_tier1_gateway.cluster.path
  transport_zone_path = data.nsxt_policy_transport_zone.overlay.path

  subnet {
    cidr = "${cidrhost(var.node_cidr, 1)}/${split("/", var.node_cidr)[1]}"
  }

  dynamic "tag" {
    for_each = local.cluster_tags
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_ip_block" "pods" {
  nsx_id       = "${var.cluster_name}-pods"
  display_name = "${var.cluster_name}-pods"
  description  = "Pod addresses of Kubernetes cluster ${var.cluster_name}"
  cidr         = var.pod_ip_block_cidr

  dynamic "tag" {
    for_each = local.cluster_tags
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_segment" "namespace" {
  for_each = var.namespaces

  nsx_id              = "${var.cluster_name}-${each.key}"
  display_name        = "${var.cluster_name}-${each.key}"
  description         = "Pods of namespace ${each.key} in Kubernetes cluster ${var.cluster_name}"
  connectivity_path   = nsxt_policy_tier1_gateway.cluster.path
  transport_zone_path = data.nsxt_policy_transport_zone.overlay.path

  subnet {
    cidr = "${cidrhost(local.namespace_subnets[each.key], 1)}/${var.namespace_prefix_length}"
  }

  dynamic "tag" {
    for_each = local.namespace_tags[each.key]
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

# --- egress: one SNAT address per namespace from the external pool ---

resource "nsxt_policy_ip_pool" "external" {
  nsx_id       = "${var.cluster_name}-external"
  display_name = "${var.cluster_name}-external"
  description  = "SNAT and VIP addresses of Kubernetes cluster ${var.cluster_name}"

  dynamic "tag" {
    for_each = merge(local.cluster_tags, { "ncp/owner" = "cluster:${var.cluster_name}" })
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_ip_pool_static_subnet" "external" {
  nsx_id       = "${var.cluster_name}-external"
  display_name = "${var.cluster_name}-external"
  pool_path    = nsxt_policy_ip_pool.external.path
  cidr         = var.external_cidr
  gateway      = cidrhost(var.external_cidr, 1)

  allocation_range {
    start = cidrhost(var.external_cidr, 2)
    end   = cidrhost(var.external_cidr, -2)
  }

  dynamic "tag" {
    for_each = local.cluster_tags
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_ip_address_allocation" "snat" {
  for_each = var.namespaces

  nsx_id       = "${var.cluster_name}-${each.key}-snat"
  display_name = "${var.cluster_name}-${each.key}-snat"
  pool_path    = nsxt_policy_ip_pool.external.path
  # the pool hands out addresses only from its subnets
  depends_on = [nsxt_policy_ip_pool_static_subnet.external]

  dynamic "tag" {
    for_each = local.namespace_tags[each.key]
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_nat_rule" "snat" {
  for_each = var.namespaces

  nsx_id              = "${var.cluster_name}-${each.key}-snat"
  display_name        = "${var.cluster_name}-${each.key}-snat"
  description         = "Egress of namespace ${each.key} through its own address"
  gateway_path        = nsxt_policy_tier1_gateway.cluster.path
  action              = "SNAT"
  source_networks     = [local.namespace_subnets[each.key]]
  translated_networks = [nsxt_policy_ip_address_allocation.snat[each.key].allocation_ip]
  firewall_match      = "MATCH_INTERNAL_ADDRESS"
  rule_priority       = 1000 + each.value

  dynamic "tag" {
    for_each = local.namespace_tags[each.key]
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

# --- ingress: one VIP with HTTP (80) and HTTPS (443) virtual servers ---

resource "nsxt_policy_ip_address_allocation" "vip" {
  nsx_id       = "${var.cluster_name}-ingress-vip"
  display_name = "${var.cluster_name}-ingress-vip"
  pool_path    = nsxt_policy_ip_pool.external.path
  depends_on   = [nsxt_policy_ip_pool_static_subnet.external]

  dynamic "tag" {
    for_each = local.cluster_tags
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_lb_service" "ingress" {
  nsx_id            = "${var.cluster_name}-lb"
  display_name      = "${var.cluster_name}-lb"
  description       = "Ingress load balancer of Kubernetes cluster ${var.cluster_name}"
  connectivity_path = nsxt_policy_tier1_gateway.cluster.path
  size              = var.lb_size
  enabled           = true

  dynamic "tag" {
    for_each = local.cluster_tags
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_lb_pool" "ingress" {
  nsx_id       = "${var.cluster_name}-ingress"
  display_name = "${var.cluster_name}-ingress"
  description  = "Ingress controllers of Kubernetes cluster ${var.cluster_name}"
  algorithm    = "ROUND_ROBIN"

  dynamic "tag" {
    for_each = local.cluster_tags
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_lb_virtual_server" "http" {
  nsx_id                   = "${var.cluster_name}-ingress-http"
  display_name             = "${var.cluster_name}-ingress-http"
  service_path             = nsxt_policy_lb_service.ingress.path
  pool_path                = nsxt_policy_lb_pool.ingress.path
  application_profile_path = data.nsxt_policy_lb_app_profile.http.path
  ip_address               = nsxt_policy_ip_address_allocation.vip.allocation_ip
  ports                    = ["80"]

  dynamic "tag" {
    for_each = merge(local.cluster_tags, { "ncp/lb_vs_type" = "http" })
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_lb_virtual_server" "https" {
  nsx_id                   = "${var.cluster_name}-ingress-https"
  display_name             = "${var.cluster_name}-ingress-https"
  service_path             = nsxt_policy_lb_service.ingress.path
  pool_path                = nsxt_policy_lb_pool.ingress.path
  application_profile_path = data.nsxt_policy_lb_app_profile.http.path
  ip_address               = nsxt_policy_ip_address_allocation.vip.allocation_ip
  ports                    = ["443"]

  client_ssl {
    client_auth              = "IGNORE"
    default_certificate_path = var.ingress_certificate_path
    ssl_profile_path         = "/infra/lb-client-ssl-profiles/default-balanced-client-ssl-profile"
  }

  dynamic "tag" {
    for_each = merge(local.cluster_tags, { "ncp/lb_vs_type" = "https_terminated" })
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

# --- isolation: a group per namespace and a DFW section between them ---

resource "nsxt_policy_group" "namespace" {
  for_each = var.namespaces

  nsx_id       = "${var.cluster_name}-${each.key}"
  display_name = "${var.cluster_name}-${each.key}"
  description  = "Segments of namespace ${each.key} in Kubernetes cluster ${var.cluster_name}"

  criteria {
    condition {
      member_type = "Segment"
      key         = "Tag"
      operator    = "EQUALS"
      value       = "ncp/cluster|${var.cluster_name}"
    }
    condition {
      member_type = "Segment"
      key         = "Tag"
      operator    = "EQUALS"
      value       = "ncp/project|${each.key}"
    }
  }

  dynamic "tag" {
    for_each = local.namespace_tags[each.key]
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_policy_security_policy" "isolation" {
  nsx_id          = "${var.cluster_name}-namespace-isolation"
  display_name    = "${var.cluster_name}-namespace-isolation"
  description     = "Keeps the namespaces of Kubernetes cluster ${var.cluster_name} apart; DNS stays open"
  category        = "Application"
  sequence_number = var.firewall_sequence_number
  stateful        = true
  scope           = [for g in nsxt_policy_group.namespace : g.path]

  # Without isolation the section keeps no rules: Kubernetes lets pods that no NetworkPolicy
  # selects talk to each other, and nsxt_k8s_network_policy's sections decide for the rest.
  dynamic "rule" {
    for_each = var.isolate_namespaces ? ["allow-dns"] : []
    content {
      display_name  = "allow-dns"
      source_groups = [for g in nsxt_policy_group.namespace : g.path]
      services      = [data.nsxt_policy_service.dns.path, data.nsxt_policy_service.dns_udp.path]
      action        = "ALLOW"
    }
  }

  dynamic "rule" {
    for_each = var.isolate_namespaces ? nsxt_policy_group.namespace : {}
    content {
      display_name       = "allow-within-${rule.key}"
      source_groups      = [rule.value.path]
      destination_groups = [rule.value.path]
      action             = "ALLOW"
    }
  }

  dynamic "rule" {
    for_each = var.isolate_namespaces ? ["drop-between-namespaces"] : []
    content {
      display_name       = "drop-between-namespaces"
      source_groups      = [for g in nsxt_policy_group.namespace : g.path]
      destination_groups = [for g in nsxt_policy_group.namespace : g.path]
      action             = "DROP"
      logged             = true
    }
  }

  dynamic "tag" {
    for_each = local.cluster_tags
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}
