# The module's logic, planned with the nsxt provider mocked: no NSX Manager, no simulator.
# Run with `netform init && netform test` in modules/cluster-network.

mock_provider "nsxt" {
  mock_data "nsxt_policy_edge_cluster" {
    defaults = {
      path = "/infra/sites/default/enforcement-points/default/edge-clusters/ec-1"
    }
  }
}

variables {
  cluster_name             = "ci"
  tier0_path               = "/infra/tier-0s/T0"
  edge_cluster_name        = "edge-cluster-1"
  node_cidr                = "172.16.0.0/24"
  pod_ip_block_cidr        = "10.244.0.0/16"
  external_cidr            = "192.168.100.0/24"
  ingress_certificate_path = "/infra/certificates/ci-ingress"
  namespaces = {
    default = 0
    web     = 2
  }
}

run "namespaces_get_the_subnet_of_their_slot" {
  command = plan

  assert {
    condition     = output.namespace_segments["web"].subnet == "10.244.2.0/24"
    error_message = "The web namespace (slot 2) should get 10.244.2.0/24, not ${output.namespace_segments["web"].subnet}."
  }

  assert {
    condition     = length(nsxt_policy_segment.namespace) == 2
    error_message = "Each namespace should get one segment."
  }
}

run "the_tier1_uses_the_edge_cluster_found" {
  command = plan

  assert {
    condition     = nsxt_policy_tier1_gateway.cluster.edge_cluster_path == "/infra/sites/default/enforcement-points/default/edge-clusters/ec-1"
    error_message = "The tier-1 gateway should be placed on the edge cluster the data source found."
  }

  assert {
    condition     = nsxt_policy_tier1_gateway.cluster.tier0_path == var.tier0_path
    error_message = "The tier-1 gateway should connect to the given tier-0."
  }
}

run "two_namespaces_cannot_share_a_slot" {
  command = plan

  variables {
    namespaces = {
      a = 1
      b = 1
    }
  }

  expect_failures = [var.namespaces]
}

run "a_bad_tier0_path_is_refused" {
  command = plan

  variables {
    tier0_path = "T0"
  }

  expect_failures = [var.tier0_path]
}

run "every_segment_hangs_off_the_clusters_tier1" {
  command = plan

  # The tier-1's path is known only once NSX creates it; override_during = plan puts it in the plan.
  override_resource {
    target          = nsxt_policy_tier1_gateway.cluster
    override_during = plan
    values = {
      path = "/infra/tier-1s/ci-t1"
    }
  }

  assert {
    condition     = nsxt_policy_segment.nodes.connectivity_path == "/infra/tier-1s/ci-t1"
    error_message = "The node segment should connect to the cluster's tier-1, not ${nsxt_policy_segment.nodes.connectivity_path}."
  }

  assert {
    condition     = alltrue([for s in nsxt_policy_segment.namespace : s.connectivity_path == "/infra/tier-1s/ci-t1"])
    error_message = "Each namespace segment should connect to the cluster's tier-1."
  }
}
