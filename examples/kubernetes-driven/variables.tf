variable "kubeconfig" {
  type        = string
  description = "The kubeconfig of the cluster to follow; the default is the one ./kube-sim --data examples/kubernetes-driven/.netform/kube-sim writes."
  default     = ".netform/kube-sim/kubeconfig"
}

variable "nsx_manager" {
  type        = string
  description = "The NSX Manager's address, or \"embedded\" for the NSX simulator inside the provider. The credentials and CA file of a real manager come from NSXT_USERNAME, NSXT_PASSWORD and NSXT_CA_FILE."
  default     = "embedded"
}

variable "cluster_name" {
  type        = string
  description = "The cluster's name in NSX (the ncp/cluster tag and the prefix of the objects' IDs)."
  default     = "kd"
}

variable "external_cidr" {
  type        = string
  description = "The routable network that gives every namespace its SNAT address and the ingress its VIP."
  default     = "192.168.100.0/24"
}
