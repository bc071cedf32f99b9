# The micro-segmentation baseline on the NSX simulator embedded in the provider plugin
# (`host = "embedded"`, objects kept under the working directory); point host, username and
# password at a real NSX Manager to apply it there.

terraform {
  required_providers {
    nsxt = {
      source = "netform/nsxt"
    }
  }
}

provider "nsxt" {
  host = "embedded"
}

# A security tool that already has its own group, e.g. written by its installer.
resource "nsxt_policy_group" "scanners" {
  nsx_id       = "scanners"
  display_name = "scanners"

  criteria {
    ipaddress_expression {
      ip_addresses = ["192.168.10.40-192.168.10.45"]
    }
  }
}

resource "nsxt_policy_group" "web" {
  nsx_id       = "web"
  display_name = "web"

  criteria {
    condition {
      member_type = "SegmentPort"
      key         = "Tag"
      operator    = "EQUALS"
      value       = "app|web"
    }
  }
}

resource "nsxt_policy_group" "db" {
  nsx_id       = "db"
  display_name = "db"

  criteria {
    condition {
      member_type = "SegmentPort"
      key         = "Tag"
      operator    = "EQUALS"
      value       = "app|db"
    }
  }
}

module "microsegmentation" {
  source = "../../modules/microsegmentation"

  dns_servers         = ["10.0.0.53", "10.0.1.53"]
  ntp_servers         = ["10.0.0.123"]
  management_networks = ["192.168.10.0/24"]
  management_components = {
    nsx_manager    = { ip_addresses = ["192.168.10.11", "192.168.10.12", "192.168.10.13"] }
    vcenter        = { ip_addresses = ["192.168.10.20"] }
    security_tools = { group_paths = [nsxt_policy_group.scanners.path] }
  }
  application_rules = [
    {
      name               = "any-to-web"
      source_groups      = []
      destination_groups = [nsxt_policy_group.web.path]
      services           = ["/infra/services/HTTPS"]
    },
    {
      name               = "web-to-db"
      source_groups      = [nsxt_policy_group.web.path]
      destination_groups = [nsxt_policy_group.db.path]
      services           = ["/infra/services/MySQL"]
    },
  ]
}

output "sections" {
  value = module.microsegmentation.section_paths
}

output "excluded" {
  value = module.microsegmentation.excluded_paths
}
