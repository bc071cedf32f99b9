# Isolation between environments: the microsegmentation baseline's Environment section drops
# traffic between workloads tagged with different environments, and an Application rule lets
# this environment's workloads talk to each other. The sections apply only to this environment's
# workloads (scope), so the environments can share one NSX Manager: each one's default rule drops
# only traffic of its own workloads. Three probe ports on the node network, two tagged as this
# environment and one as var.isolation_peer, let traceflow prove both.

module "microsegmentation" {
  # A pinned release: source = "git::https://git.example.com/platform/netform-modules.git//microsegmentation?ref=v1.4.0"
  source = "../../../modules/microsegmentation"

  name_prefix  = "${var.environment}-microseg"
  environments = ["prod", "test", "dev"]
  dns_servers  = var.dns_servers
  scope        = [nsxt_policy_group.workloads.path]
  application_rules = [
    {
      name               = "within-${var.environment}"
      source_groups      = [nsxt_policy_group.workloads.path]
      destination_groups = [nsxt_policy_group.workloads.path]
      services           = []
    },
  ]
}

locals {
  # The peer environment's Environment section, as its own call of the module names it.
  peer_environment_section = "/infra/domains/default/security-policies/${var.isolation_peer}-microseg-environment"
}

resource "nsxt_policy_group" "workloads" {
  nsx_id       = "${var.environment}-workloads"
  display_name = "${var.environment}-workloads"
  description  = "Workloads of the ${var.environment} environment"

  criteria {
    condition {
      member_type = "SegmentPort"
      key         = "Tag"
      operator    = "EQUALS"
      value       = "env|${var.environment}"
    }
  }
}

resource "nsxt_policy_segment_port" "probe" {
  for_each = {
    client = { environment = var.environment, host = 10 }
    server = { environment = var.environment, host = 11 }
    peer   = { environment = var.isolation_peer, host = 12 }
  }

  nsx_id       = "${var.environment}-probe-${each.key}"
  display_name = "${var.environment}-probe-${each.key}"
  description  = "Traceflow probe standing for a workload of the ${each.value.environment} environment"
  segment_path = module.cluster.node_segment_path

  address_binding {
    ip_address = cidrhost(local.node_cidr, each.value.host)
  }

  tag {
    scope = "env"
    tag   = each.value.environment
  }
}

check "environments_are_isolated" {
  data "nsxt_policy_traceflow" "from_peer" {
    source           = nsxt_policy_segment_port.probe["peer"].path
    destination      = nsxt_policy_segment_port.probe["server"].path
    protocol         = "TCP"
    destination_port = 443
    depends_on       = [module.microsegmentation]
  }

  data "nsxt_policy_traceflow" "within" {
    source           = nsxt_policy_segment_port.probe["client"].path
    destination      = nsxt_policy_segment_port.probe["server"].path
    protocol         = "TCP"
    destination_port = 443
    depends_on       = [module.microsegmentation]
  }

  # Dropped by this environment's Environment section on the way in or, where the peer's
  # environment shares this NSX Manager, by the peer's own on the way out.
  assert {
    condition = data.nsxt_policy_traceflow.from_peer.verdict == "DROPPED" && anytrue([
      for section in [module.microsegmentation.section_paths.Environment, local.peer_environment_section] :
      startswith(coalesce(data.nsxt_policy_traceflow.from_peer.acl_rule_path, "none"), "${section}/")
    ])
    error_message = "${var.isolation_peer} -> ${var.environment} TCP 443 should be DROPPED by the Environment section of ${var.environment} or ${var.isolation_peer}; the traceflow says ${data.nsxt_policy_traceflow.from_peer.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.from_peer.acl_rule_path, "none")})."
  }

  assert {
    condition     = data.nsxt_policy_traceflow.within.verdict == "DELIVERED"
    error_message = "${var.environment} -> ${var.environment} TCP 443 should be DELIVERED by within-${var.environment}; the traceflow says ${data.nsxt_policy_traceflow.within.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.within.acl_rule_path, "none")})."
  }
}
