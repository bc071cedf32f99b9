# The dev environment: one Kubernetes cluster's networking on NSX-T. By default it runs against
# the NSX simulator embedded in the provider (objects kept under .netform/nsx-sim/), so it needs
# no NSX install; set nsx_manager (and the credentials) to use a real NSX Manager.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }
}

provider "nsxt" {
  host     = var.nsx_manager
  username = var.nsx_username
  password = var.nsx_password
  ca_file  = var.nsx_ca_file
}

module "cluster" {
  source = "../../modules/cluster-network"

  cluster_name             = "dev"
  namespaces               = var.namespaces
  tier0_path               = var.tier0_path
  edge_cluster_name        = "edge-cluster-1"
  node_cidr                = "172.16.0.0/24"
  pod_ip_block_cidr        = "10.244.0.0/16"
  external_cidr            = "192.168.100.0/24"
  ingress_certificate_path = "/infra/certificates/dev-ingress"
  tags                     = { environment = var.environment }
}
