variable "cluster_name" {
  type        = string
  description = "The Kubernetes cluster's name: the ncp/cluster tag of every object and the prefix of their names and NSX IDs."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$", var.cluster_name))
    error_message = "The cluster name must be 1 to 40 lower-case letters, digits or '-', starting and ending with a letter or digit."
  }
}

variable "namespaces" {
  type        = map(number)
  description = "The cluster's Kubernetes namespaces, each with its slot in the pod IP block: slot N gets the N-th subnet of namespace_prefix_length. A slot stays with its namespace while others come and go, so no segment is renumbered."

  validation {
    condition     = alltrue([for name, slot in var.namespaces : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", name))])
    error_message = "Namespace names must be Kubernetes DNS labels: at most 63 lower-case letters, digits or '-', starting and ending with a letter or digit."
  }

  validation {
    condition     = alltrue([for slot in values(var.namespaces) : slot >= 0 && floor(slot) == slot])
    error_message = "Namespace slots must be whole numbers from 0."
  }

  validation {
    condition     = length(distinct(values(var.namespaces))) == length(var.namespaces)
    error_message = "Two namespaces have the same slot; each needs its own subnet."
  }
}

variable "tier0_path" {
  type        = string
  description = "The policy path of the tier-0 gateway the cluster's tier-1 connects to, e.g. /infra/tier-0s/T0."

  validation {
    condition     = can(regex("^/infra/tier-0s/[^/&]+$", var.tier0_path))
    error_message = "tier0_path must be a tier-0 policy path such as /infra/tier-0s/T0."
  }
}

variable "edge_cluster_name" {
  type        = string
  description = "The display name of the edge cluster that runs the tier-1's NAT and load balancer."
}

variable "overlay_transport_zone_name" {
  type        = string
  description = "The display name of the overlay transport zone of the segments; null takes the default overlay transport zone."
  default     = null
}

variable "ha_mode" {
  type        = string
  description = "The tier-1's HA mode; null leaves NSX's (ACTIVE_STANDBY for a tier-1 with services). Zones need ACTIVE_STANDBY: an active and a standby context in two failure domains."
  default     = null

  validation {
    condition     = var.ha_mode == null || contains(["ACTIVE_STANDBY", "ACTIVE_ACTIVE"], var.ha_mode)
    error_message = "ha_mode must be ACTIVE_STANDBY or ACTIVE_ACTIVE."
  }
}

variable "failover_mode" {
  type        = string
  description = "The tier-1's failover mode; NCP creates its tier-1s NON_PREEMPTIVE."
  default     = "NON_PREEMPTIVE"

  validation {
    condition     = contains(["PREEMPTIVE", "NON_PREEMPTIVE"], var.failover_mode)
    error_message = "failover_mode must be PREEMPTIVE or NON_PREEMPTIVE."
  }
}

variable "node_cidr" {
  type        = string
  description = "The node network, e.g. 172.16.0.0/24; its first address is the tier-1's gateway address on the node segment."

  validation {
    condition     = can(cidrhost(var.node_cidr, 1))
    error_message = "node_cidr must be an IPv4 network in CIDR notation, such as 172.16.0.0/24."
  }
}

variable "pod_ip_block_cidr" {
  type        = string
  description = "The IP block the namespaces' subnets are carved from (NCP's container_ip_blocks), e.g. 10.244.0.0/16."

  validation {
    condition     = can(cidrsubnet(var.pod_ip_block_cidr, 0, 0))
    error_message = "pod_ip_block_cidr must be an IPv4 network in CIDR notation, such as 10.244.0.0/16."
  }
}

variable "namespace_prefix_length" {
  type        = number
  description = "The prefix length of each namespace's subnet (NCP's subnet_prefix)."
  default     = 24

  validation {
    condition     = var.namespace_prefix_length >= 16 && var.namespace_prefix_length <= 28
    error_message = "namespace_prefix_length must lie between 16 and 28."
  }
}

variable "external_cidr" {
  type        = string
  description = "The routable network of the external IP pool (NCP's external_ip_pools) that gives each namespace its SNAT address and the ingress its VIP, e.g. 192.168.100.0/24."

  validation {
    condition     = can(cidrhost(var.external_cidr, 2))
    error_message = "external_cidr must be an IPv4 network in CIDR notation with room for a gateway and addresses, such as 192.168.100.0/24."
  }
}

variable "lb_size" {
  type        = string
  description = "The size of the cluster's load balancer service."
  default     = "SMALL"

  validation {
    condition     = contains(["SMALL", "MEDIUM", "LARGE", "XLARGE"], var.lb_size)
    error_message = "lb_size must be SMALL, MEDIUM, LARGE or XLARGE."
  }
}

variable "ingress_certificate_path" {
  type        = string
  description = "The policy path of the certificate the HTTPS virtual server presents, e.g. /infra/certificates/ingress-default."

  validation {
    condition     = can(regex("^/infra/certificates/[^/&]+$", var.ingress_certificate_path))
    error_message = "ingress_certificate_path must be a certificate policy path such as /infra/certificates/ingress-default."
  }
}

variable "firewall_sequence_number" {
  type        = number
  description = "Where the namespace isolation section sits among the Application category's sections."
  default     = 2090
}

variable "isolate_namespaces" {
  type        = bool
  description = "Whether the isolation section drops traffic between namespaces (DNS and traffic within a namespace allowed). False leaves the section without rules, for clusters whose NetworkPolicies decide, as in Kubernetes."
  default     = true
}

variable "tags" {
  type        = map(string)
  description = "Extra tags (scope = key) on every object, besides NCP's ncp/cluster and ncp/project."
  default     = {}

  validation {
    condition     = length(var.tags) <= 27 && alltrue([for scope, tag in var.tags : length(scope) <= 128 && length(tag) <= 256])
    error_message = "At most 27 extra tags (NSX allows 30 per object, NCP's take the rest), scopes up to 128 and values up to 256 characters."
  }
}
