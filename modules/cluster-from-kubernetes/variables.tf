variable "cluster_name" {
  type        = string
  description = "The Kubernetes cluster's name: the ncp/cluster tag of every object, the prefix of names and NSX IDs, and the cluster of its NetworkPolicies."
}

variable "namespace_label_selector" {
  type        = string
  description = "Only namespaces matching this label selector (e.g. \"nsx!=skip\") get networking, and only their pods and policies are realized; null takes every namespace."
  default     = null
}

variable "isolate_namespaces" {
  type        = bool
  description = "Whether traffic between namespaces is dropped besides what the NetworkPolicies say (cluster-network's isolation section, after the policies' sections). False, the default, is Kubernetes' own behaviour: only NetworkPolicies restrict traffic."
  default     = false
}

variable "tier0_path" {
  type        = string
  description = "The policy path of the tier-0 gateway the cluster's tier-1 connects to, e.g. /infra/tier-0s/T0."
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

variable "node_cidr" {
  type        = string
  description = "The node network, e.g. 172.16.0.0/24."
}

variable "pod_ip_block_cidr" {
  type        = string
  description = "The IP block the namespaces' subnets are carved from. A namespace without a netform.io/subnet-slot annotation takes a slot from a hash of its name, so a block with many slots (e.g. a /8 for /24 subnets) keeps two names from meeting on one."
  default     = "10.0.0.0/8"
}

variable "namespace_prefix_length" {
  type        = number
  description = "The prefix length of each namespace's subnet."
  default     = 24
}

variable "external_cidr" {
  type        = string
  description = "The routable network of the external IP pool: a SNAT address per namespace and the ingress VIP."
}

variable "ingress_certificate_path" {
  type        = string
  description = "The policy path of the certificate the HTTPS ingress virtual server presents."
}

variable "tags" {
  type        = map(string)
  description = "Extra tags (scope = key) on every object."
  default     = {}
}
