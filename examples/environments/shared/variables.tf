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

variable "environment" {
  type        = string
  description = "The environment's name: the cluster's name, its env tag and its entry in the platform's address plan."
}

variable "namespaces" {
  type        = map(number)
  description = "The cluster's namespaces and their slots in the pod IP block."
}

variable "pod_block_prefix" {
  type        = number
  description = "The size of the pod IP block, as a prefix length inside the platform's pod range."
}

variable "snat_pool_prefix" {
  type        = number
  description = "The size of the SNAT and VIP pool, as a prefix length inside the platform's external range."
}

variable "node_prefix" {
  type        = number
  description = "The size of the node network, as a prefix length inside the platform's node range."
}

variable "lb_size" {
  type        = string
  description = "The size of the ingress load balancer."
}

variable "failover_mode" {
  type        = string
  description = "The tier-1's failover mode: PREEMPTIVE moves the services back to the preferred edge when its zone returns."
  default     = "NON_PREEMPTIVE"
}

variable "isolation_peer" {
  type        = string
  description = "The other environment the isolation check sends traffic from; it must be dropped."
}

variable "dns_servers" {
  type        = list(string)
  description = "The DNS servers every workload may query."
}

variable "zones" {
  type        = list(string)
  description = "The platform's zones the environment spreads over: its tier-1's active and standby contexts run in two of them. None puts it on the platform's single edge cluster."
  default     = []
}
