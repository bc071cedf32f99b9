# The module applied on the NSX simulator embedded in the provider (host = "embedded", its objects kept under
# .netform/nsx-sim/ of this directory); everything it creates is destroyed when the file ends.

provider "nsxt" {
  host = "embedded"
}

variables {
  cluster_name             = "tftest"
  tier0_path               = "/infra/tier-0s/T0"
  edge_cluster_name        = "edge-cluster-1"
  node_cidr                = "172.16.0.0/24"
  pod_ip_block_cidr        = "10.244.0.0/16"
  external_cidr            = "192.168.100.0/24"
  ingress_certificate_path = "/infra/certificates/tftest-ingress"
  namespaces = {
    default = 0
  }
}

run "creates_the_cluster_network" {
  assert {
    condition     = startswith(output.tier1_path, "/infra/tier-1s/")
    error_message = "The tier-1 gateway should have a policy path, not ${output.tier1_path}."
  }

  assert {
    condition     = cidrcontains(var.external_cidr, output.vip)
    error_message = "The ingress VIP ${output.vip} should come from the external CIDR."
  }
}

run "a_new_namespace_gets_its_own_segment_and_snat_address" {
  variables {
    namespaces = {
      default = 0
      web     = 2
    }
  }

  assert {
    condition     = output.namespace_segments["web"].subnet == "10.244.2.0/24" && output.snat_ips["web"] != output.snat_ips["default"]
    error_message = "The web namespace should get slot 2's subnet and an SNAT address of its own."
  }

  assert {
    condition     = output.tier1_path == run.creates_the_cluster_network.tier1_path
    error_message = "Adding a namespace should keep the cluster's tier-1 gateway."
  }
}
