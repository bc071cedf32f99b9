# NSX networking and firewall that follow a live Kubernetes cluster, as NCP's do: every namespace
# gets its segment, subnet, SNAT address and rule and group, every NetworkPolicy its
# distributed-firewall sections, every pod its tagged segment port. The cluster is read through
# the kubeconfig (by default the one ./kube-sim writes); NSX is the simulator embedded in the
# provider (objects kept under .netform/nsx-sim/) unless nsx_manager names a real manager.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
  }
}

provider "nsxt" {
  host = var.nsx_manager
}

provider "kubernetes" {
  config_path = var.kubeconfig
}

module "cluster" {
  source = "../../modules/cluster-from-kubernetes"

  cluster_name             = var.cluster_name
  tier0_path               = "/infra/tier-0s/T0"
  edge_cluster_name        = "edge-cluster-1"
  node_cidr                = "172.16.0.0/24"
  pod_ip_block_cidr        = "10.0.0.0/8"
  external_cidr            = var.external_cidr
  ingress_certificate_path = "/infra/certificates/${var.cluster_name}-ingress"
}

output "namespace_segments" {
  value = module.cluster.namespace_segments
}

output "snat_ips" {
  value = module.cluster.snat_ips
}

output "network_policies" {
  value = module.cluster.network_policies
}
