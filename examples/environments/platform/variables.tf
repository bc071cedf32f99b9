variable "nsx_manager" {
  type        = string
  description = "The NSX Manager's address, or \"embedded\" for the NSX simulator inside the provider."
  default     = "embedded"
}

variable "nsx_username" {
  type        = string
  description = "The NSX user; null takes NSXT_USERNAME. The embedded simulator needs none."
  default     = null
}

variable "nsx_password" {
  type        = string
  description = "The NSX user's password; null takes NSXT_PASSWORD."
  default     = null
  sensitive   = true
}

variable "nsx_ca_file" {
  type        = string
  description = "A PEM file of the CA certificates that sign the manager's certificate; null trusts the system's."
  default     = null
}

variable "tier0_name" {
  type        = string
  description = "The display name of the tier-0 gateway every environment's tier-1 connects to."
  default     = "T0"
}

variable "zone_edge_cluster_name" {
  type        = string
  description = "The edge cluster with failure-domain allocation, for environments spread over zones."
  default     = "edge-cluster-az"
}

variable "single_edge_cluster_name" {
  type        = string
  description = "The edge cluster of environments that need no zones."
  default     = "edge-cluster-1"
}

variable "zones" {
  type        = map(object({ failure_domain = string, preferred_edge = string }))
  description = "The availability zones: each zone's NSX failure domain and the edge node preferred for a context placed there."
  default = {
    az-1 = { failure_domain = "az-1", preferred_edge = "edge-az1-a" }
    az-2 = { failure_domain = "az-2", preferred_edge = "edge-az2-a" }
    az-3 = { failure_domain = "az-3", preferred_edge = "edge-az3-a" }
  }
}

variable "environments" {
  type        = map(object({ pod_range = string, external_range = string, node_range = string }))
  description = "The address plan: per environment, the range its pod blocks, its SNAT and VIP pool and its node networks come from."
  default = {
    dev  = { pod_range = "10.240.0.0/16", external_range = "192.168.100.0/24", node_range = "172.16.0.0/20" }
    test = { pod_range = "10.241.0.0/16", external_range = "192.168.101.0/24", node_range = "172.16.16.0/20" }
    prod = { pod_range = "10.242.0.0/16", external_range = "192.168.104.0/22", node_range = "172.16.32.0/20" }
  }

  validation {
    condition     = alltrue([for e in values(var.environments) : can(cidrhost(e.pod_range, 0)) && can(cidrhost(e.external_range, 0)) && can(cidrhost(e.node_range, 0))])
    error_message = "var.environments: pod_range, external_range and node_range must be IPv4 networks in CIDR notation."
  }
}
