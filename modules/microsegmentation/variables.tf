variable "name_prefix" {
  type        = string
  description = "Prefix of every display name and NSX ID the module creates, so that two instances can share a manager."
  default     = "microseg"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}$", var.name_prefix))
    error_message = "name_prefix must start with a lowercase letter and hold at most 31 lowercase letters, digits and dashes."
  }
}

variable "domain" {
  type        = string
  description = "The policy domain of the groups and DFW sections."
  default     = "default"
}

variable "quarantine_tag" {
  type = object({
    scope = string
    tag   = string
  })
  description = "The segment port tag that puts a workload in quarantine: the Emergency section drops all its traffic, both ways."
  default = {
    scope = "security"
    tag   = "quarantine"
  }

  validation {
    condition     = length(var.quarantine_tag.tag) > 0 && length(var.quarantine_tag.tag) <= 256 && length(var.quarantine_tag.scope) <= 128
    error_message = "quarantine_tag needs a non-empty tag of at most 256 characters and a scope of at most 128 (NSX's tag limits)."
  }
}

variable "environment_tag_scope" {
  type        = string
  description = "The tag scope that names a workload's environment; the tag is the environment's name."
  default     = "env"

  validation {
    condition     = length(var.environment_tag_scope) > 0 && length(var.environment_tag_scope) <= 128
    error_message = "environment_tag_scope must hold 1 to 128 characters."
  }
}

variable "environments" {
  type        = list(string)
  description = "The environments the Environment section isolates from each other, e.g. prod, dev, test."
  default     = ["prod", "dev", "test"]

  validation {
    condition     = length(var.environments) >= 2 && length(distinct(var.environments)) == length(var.environments)
    error_message = "environments must name at least two environments, each once."
  }
  validation {
    condition     = alltrue([for e in var.environments : can(regex("^[a-z][a-z0-9-]*$", e))])
    error_message = "Each environment name must start with a lowercase letter and hold only lowercase letters, digits and dashes."
  }
}

variable "dns_servers" {
  type        = list(string)
  description = "The DNS servers (IPv4 addresses or CIDRs) every workload may query over UDP and TCP 53."

  validation {
    condition     = length(var.dns_servers) > 0 && alltrue([for a in var.dns_servers : can(cidrhost(strcontains(a, "/") ? a : "${a}/32", 0))])
    error_message = "dns_servers must hold at least one IPv4 address or CIDR."
  }
}

variable "ntp_servers" {
  type        = list(string)
  description = "The NTP servers (IPv4 addresses or CIDRs) every workload may reach over UDP 123."
  default     = []

  validation {
    condition     = alltrue([for a in var.ntp_servers : can(cidrhost(strcontains(a, "/") ? a : "${a}/32", 0))])
    error_message = "Each NTP server must be an IPv4 address or CIDR."
  }
}

variable "management_networks" {
  type        = list(string)
  description = "The management networks (CIDRs) allowed to reach every workload, e.g. jump hosts and monitoring."
  default     = []

  validation {
    condition     = alltrue([for n in var.management_networks : can(cidrnetmask(n))])
    error_message = "Each management network must be an IPv4 CIDR such as 192.168.10.0/24."
  }
}

variable "management_components" {
  type = map(object({
    ip_addresses = optional(list(string), [])
    group_paths  = optional(list(string), [])
  }))
  description = "The management components (e.g. nsx_manager, vcenter, security_tools), by name, given as IP addresses and/or existing group paths; all go on the DFW exclusion list so that no rule can lock them out."
  default     = {}

  validation {
    condition     = alltrue([for name, c in var.management_components : length(c.ip_addresses) + length(c.group_paths) > 0])
    error_message = "Each management component needs at least one IP address or group path."
  }
  validation {
    condition     = alltrue(flatten([for c in values(var.management_components) : [for a in c.ip_addresses : can(cidrhost(strcontains(a, "/") ? a : "${a}/32", 0))]]))
    error_message = "Management component ip_addresses must be IPv4 addresses or CIDRs."
  }
  validation {
    condition     = alltrue(flatten([for c in values(var.management_components) : [for p in c.group_paths : can(regex("^/infra/domains/[^/]+/groups/[^/]+$", p))]]))
    error_message = "Management component group_paths must be group policy paths such as /infra/domains/default/groups/vcenter."
  }
}

variable "application_rules" {
  type = list(object({
    name               = string
    source_groups      = list(string)
    destination_groups = list(string)
    services           = list(string)
  }))
  description = "The explicit allows of the Application section, in order; whatever none of them (nor an earlier section) allows meets the default rule. Empty lists mean any."
  default     = []

  validation {
    condition     = length(distinct([for r in var.application_rules : r.name])) == length(var.application_rules)
    error_message = "Each application rule needs its own name."
  }
  validation {
    condition     = length(var.application_rules) < 1000
    error_message = "A DFW section holds at most 1000 rules, the default rule included."
  }
}

variable "default_rule_action" {
  type        = string
  description = "What the default rule at the end of the Application section does with traffic nothing allowed: DROP (silently) or REJECT (with a TCP reset or ICMP unreachable)."
  default     = "DROP"

  validation {
    condition     = contains(["DROP", "REJECT"], var.default_rule_action)
    error_message = "default_rule_action must be DROP or REJECT: the module enforces a whitelist."
  }
}

variable "application_sequence_number" {
  type        = number
  description = "The order of the Application section among the category's policies; keep it after the sections that hold more specific allows (e.g. Kubernetes network policies)."
  default     = 100000

  validation {
    condition     = var.application_sequence_number >= 0 && floor(var.application_sequence_number) == var.application_sequence_number
    error_message = "application_sequence_number must be a whole number, 0 or more."
  }
}

variable "log_dropped" {
  type        = bool
  description = "Whether the drop rules log the packets they drop."
  default     = true
}

variable "scope" {
  type        = list(string)
  description = "The groups (policy paths) the four sections apply to, NSX's Applied To: only these groups' workloads meet the module's rules, the default rule included, so instances for different environments can share one NSX Manager. Empty applies the sections to every workload of the DFW."
  default     = []

  validation {
    condition     = alltrue([for p in var.scope : can(regex("^/infra/domains/[^/]+/groups/[^/]+$", p))])
    error_message = "scope must hold group policy paths such as /infra/domains/default/groups/prod-workloads."
  }
}
