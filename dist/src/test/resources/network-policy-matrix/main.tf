# NetworkPolicy semantics end to end: one scenario per rule of the Kubernetes documentation
# (kubernetes.io/docs/concepts/services-networking/network-policies/), each in its own cluster on
# a shared segment, with the full reachability matrix between its pods traced and checked
# (scenario/main.tf). The scenarios are in scenarios-*.tf; var.updated turns on the second
# revision of some of them: a policy changed, a pod's label changed and a policy deleted.

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

variable "updated" {
  type        = bool
  default     = false
  description = "Whether the scenarios are in their second revision."
}

provider "nsxt" {
  host = var.nsx_manager
}

locals {
  scenarios = {
    default-deny-ingress   = local.default_deny_ingress
    default-deny-egress    = local.default_deny_egress
    policy-types-default   = local.policy_types_default
    additive-union         = local.additive_union
    empty-absent-selectors = local.empty_absent_selectors
    label-expressions      = local.label_expressions
    and-or-peers           = local.and_or_peers
    egress-and-ingress     = local.egress_and_ingress
    named-port             = local.named_port
    port-range             = local.port_range
    ip-block-except        = local.ip_block_except
  }
}

data "nsxt_policy_transport_zone" "overlay" {
  is_default     = true
  transport_type = "OVERLAY_STANDARD"
}

resource "nsxt_policy_tier1_gateway" "pods" {
  nsx_id                    = "matrix-t1"
  display_name              = "matrix-t1"
  tier0_path                = "/infra/tier-0s/T0"
  route_advertisement_types = ["TIER1_CONNECTED"]
}

resource "nsxt_policy_segment" "pods" {
  nsx_id              = "matrix-pods"
  display_name        = "matrix-pods"
  connectivity_path   = nsxt_policy_tier1_gateway.pods.path
  transport_zone_path = data.nsxt_policy_transport_zone.overlay.path

  subnet {
    cidr = "10.244.0.1/16"
  }
}

module "scenario" {
  for_each = local.scenarios
  source   = "./scenario"

  cluster      = each.key
  subnet       = each.value.subnet
  segment_path = nsxt_policy_segment.pods.path
  namespaces   = each.value.namespaces
  pods         = each.value.pods
  external     = try(each.value.external, {})
  policies     = each.value.policies
  probes       = each.value.probes
  allowed      = try(each.value.allowed, null)
  denied       = try(each.value.denied, null)
}

output "probes" {
  description = "How many probes each scenario traced."
  value       = { for name, scenario in module.scenario : name => scenario.probes }
}
