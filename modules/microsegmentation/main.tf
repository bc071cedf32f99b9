# Micro-segmentation baseline: one DFW section per category, evaluated in NSX's category order
# (Emergency, Infrastructure, Environment, Application), so that a quarantine beats everything,
# shared services are reachable before any isolation applies, environments never talk to each
# other, and applications get only what they explicitly allow.

locals {
  # Unset (not an empty list) when no scope is given, as before the scope existed.
  section_scope = length(var.scope) > 0 ? var.scope : null

  # NSX matches a tag condition on "scope|tag".
  quarantine_value = "${var.quarantine_tag.scope}|${var.quarantine_tag.tag}"

  # Management components given by address get one IP group each; that group and the groups
  # given by path go on the exclusion list.
  management_ip_components = { for name, c in var.management_components : name => c if length(c.ip_addresses) > 0 }
  address_groups = merge(
    { for name, addresses in {
      "dns-servers"        = var.dns_servers
      "ntp-servers"        = var.ntp_servers
      "management-network" = var.management_networks
    } : name => addresses if length(addresses) > 0 },
    { for name, c in local.management_ip_components : "mgmt-${name}" => c.ip_addresses },
  )
  # Keyed by component and position, so that paths not known until apply can be given.
  management_group_paths = merge([
    for name, c in var.management_components : { for i, path in c.group_paths : "${name}/${i}" => path }
  ]...)
}

resource "nsxt_policy_group" "quarantine" {
  nsx_id       = "${var.name_prefix}-quarantine"
  display_name = "${var.name_prefix}-quarantine"
  description  = "Workloads tagged ${local.quarantine_value}: all their traffic is dropped."
  domain       = var.domain

  criteria {
    condition {
      member_type = "SegmentPort"
      key         = "Tag"
      operator    = "EQUALS"
      value       = local.quarantine_value
    }
  }
}

resource "nsxt_policy_group" "environment" {
  for_each = toset(var.environments)

  nsx_id       = "${var.name_prefix}-env-${each.key}"
  display_name = "${var.name_prefix}-env-${each.key}"
  description  = "Workloads tagged ${var.environment_tag_scope}|${each.key}."
  domain       = var.domain

  criteria {
    condition {
      member_type = "SegmentPort"
      key         = "Tag"
      operator    = "EQUALS"
      value       = "${var.environment_tag_scope}|${each.key}"
    }
  }
}

# Every group given by addresses: the shared services, the management networks and each
# management component given by IP, keyed by the suffix of its name.
resource "nsxt_policy_group" "addresses" {
  for_each = local.address_groups

  nsx_id       = "${var.name_prefix}-${each.key}"
  display_name = "${var.name_prefix}-${each.key}"
  domain       = var.domain

  criteria {
    ipaddress_expression {
      ip_addresses = each.value
    }
  }
}

resource "nsxt_policy_security_policy" "emergency" {
  nsx_id       = "${var.name_prefix}-emergency"
  display_name = "${var.name_prefix}-emergency"
  description  = "Quarantine: drops all traffic from and to quarantined workloads."
  domain       = var.domain
  category     = "Emergency"
  scope        = local.section_scope

  rule {
    display_name  = "quarantine-out"
    source_groups = [nsxt_policy_group.quarantine.path]
    action        = "DROP"
    logged        = var.log_dropped
  }
  rule {
    display_name       = "quarantine-in"
    destination_groups = [nsxt_policy_group.quarantine.path]
    action             = "DROP"
    logged             = var.log_dropped
  }
}

resource "nsxt_policy_security_policy" "infrastructure" {
  nsx_id       = "${var.name_prefix}-infrastructure"
  display_name = "${var.name_prefix}-infrastructure"
  description  = "Shared services every workload needs: DNS, NTP, and access from the management networks."
  domain       = var.domain
  category     = "Infrastructure"
  scope        = local.section_scope

  rule {
    display_name       = "dns"
    destination_groups = [nsxt_policy_group.addresses["dns-servers"].path]
    services           = ["/infra/services/DNS-UDP", "/infra/services/DNS"]
  }

  dynamic "rule" {
    for_each = length(var.ntp_servers) > 0 ? ["ntp-servers"] : []
    content {
      display_name       = "ntp"
      destination_groups = [nsxt_policy_group.addresses[rule.value].path]
      services           = ["/infra/services/NTP"]
    }
  }

  dynamic "rule" {
    for_each = length(var.management_networks) > 0 ? ["management-network"] : []
    content {
      display_name  = "from-management"
      source_groups = [nsxt_policy_group.addresses[rule.value].path]
    }
  }
}

resource "nsxt_policy_security_policy" "environment" {
  nsx_id       = "${var.name_prefix}-environment"
  display_name = "${var.name_prefix}-environment"
  description  = "Environments isolated from each other by their ${var.environment_tag_scope} tag."
  domain       = var.domain
  category     = "Environment"
  scope        = local.section_scope

  dynamic "rule" {
    for_each = var.environments
    content {
      display_name       = "isolate-${rule.value}"
      source_groups      = [nsxt_policy_group.environment[rule.value].path]
      destination_groups = [for e in var.environments : nsxt_policy_group.environment[e].path if e != rule.value]
      action             = "DROP"
      logged             = var.log_dropped
    }
  }
}

resource "nsxt_policy_security_policy" "application" {
  nsx_id          = "${var.name_prefix}-application"
  display_name    = "${var.name_prefix}-application"
  description     = "Whitelist: the explicit allows, then a default rule for everything else."
  domain          = var.domain
  category        = "Application"
  scope           = local.section_scope
  sequence_number = var.application_sequence_number

  dynamic "rule" {
    for_each = var.application_rules
    content {
      display_name       = rule.value.name
      source_groups      = rule.value.source_groups
      destination_groups = rule.value.destination_groups
      services           = rule.value.services
    }
  }

  rule {
    display_name = "default-deny"
    action       = var.default_rule_action
    logged       = var.log_dropped
  }
}

resource "nsxt_policy_firewall_exclude_list_member" "management_component" {
  for_each = local.management_ip_components

  member = nsxt_policy_group.addresses["mgmt-${each.key}"].path
}

resource "nsxt_policy_firewall_exclude_list_member" "management_group" {
  for_each = local.management_group_paths

  member = each.value
}
