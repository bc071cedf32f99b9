# A small Kubernetes cluster modelled in NSX as NCP would build it, with NetworkPolicies from
# policies/*.yaml realized in the distributed firewall and check blocks (checks.tf) that trace
# packets between the pods to show the reachability the policies imply. By default it runs on the
# NSX simulator embedded in the provider (objects kept under .netform/nsx-sim/); set nsx_manager (and
# NSXT_USERNAME, NSXT_PASSWORD, NSXT_CA_FILE) to use a real NSX Manager.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }
}

provider "nsxt" {
  host = var.nsx_manager
}

locals {
  cluster = "k1"

  # The cluster's namespaces and their labels: namespaceSelectors choose among them.
  namespaces = {
    prod = { env = "prod", team = "shop" }
    dev  = { env = "dev", team = "shop" }
    ops  = { env = "ops" }
  }

  # Three pods in every namespace: their labels, named container ports and the last octet of
  # their address (the namespace's index gives the third).
  pod_kinds = {
    web    = { labels = { app = "web" }, ports = { http = "8080/TCP" }, host = 10 }
    db     = { labels = { app = "db", role = "db" }, ports = { redis = "6379/TCP" }, host = 20 }
    client = { labels = { role = "frontend" }, ports = {}, host = 30 }
  }
  namespace_index = { prod = 1, dev = 2, ops = 3 }

  pods = merge([
    for ns, _ in local.namespaces : {
      for kind, pod in local.pod_kinds : "${ns}/${kind}" => {
        namespace = ns
        name      = kind
        labels    = pod.labels
        ports     = pod.ports
        ip        = "10.244.${local.namespace_index[ns]}.${pod.host}"
      }
    }
  ]...)

  # The NetworkPolicy manifests, one file each.
  policy_files = toset([
    "nsx-deny-egress-policy.yaml",
    "test-network-policy.yaml",
    "default-deny-ingress.yaml",
    "allow-web-from-shop.yaml",
    "multi-port-egress.yaml",
  ])

  # The segment port of each pod, by namespace/name, for the traceflows in checks.tf.
  port = { for key, pod in nsxt_policy_segment_port.pod : key => pod.path }
}

data "nsxt_policy_transport_zone" "overlay" {
  is_default     = true
  transport_type = "OVERLAY_STANDARD"
}

resource "nsxt_policy_tier1_gateway" "cluster" {
  nsx_id                    = "${local.cluster}-t1"
  display_name              = "${local.cluster}-t1"
  description               = "Tier-1 of Kubernetes cluster ${local.cluster}"
  tier0_path                = "/infra/tier-0s/T0"
  route_advertisement_types = ["TIER1_CONNECTED"]

  tag {
    scope = "ncp/cluster"
    tag   = local.cluster
  }
}

resource "nsxt_policy_segment" "pods" {
  nsx_id              = "${local.cluster}-pods"
  display_name        = "${local.cluster}-pods"
  description         = "Pods of Kubernetes cluster ${local.cluster}"
  connectivity_path   = nsxt_policy_tier1_gateway.cluster.path
  transport_zone_path = data.nsxt_policy_transport_zone.overlay.path

  subnet {
    cidr = "10.244.0.1/16"
  }

  tag {
    scope = "ncp/cluster"
    tag   = local.cluster
  }
}

# Pods as NCP makes them: segment ports tagged with the cluster, the namespace, each label and each
# named container port (the convention is in provider-nsxt/README.md).
resource "nsxt_policy_segment_port" "pod" {
  for_each = local.pods

  nsx_id       = "${each.value.namespace}-${each.value.name}"
  display_name = each.key
  segment_path = nsxt_policy_segment.pods.path

  address_binding {
    ip_address = each.value.ip
  }

  dynamic "tag" {
    for_each = merge(
      { "ncp/cluster" = local.cluster, "ncp/project" = each.value.namespace },
      each.value.labels,
      { for name, port in each.value.ports : "ncp/port/${name}" => port },
    )
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

resource "nsxt_k8s_network_policy" "policy" {
  for_each = local.policy_files

  cluster    = local.cluster
  namespaces = local.namespaces
  manifest   = yamldecode(file("${path.module}/policies/${each.key}"))

  # Named ports are read from the pods' tags when the policy is planned.
  depends_on = [nsxt_policy_segment_port.pod]
}

output "policies" {
  description = "The allow and isolation sections of each policy."
  value = {
    for file, policy in nsxt_k8s_network_policy.policy : policy.id => [
      policy.allow_policy_path, policy.isolation_policy_path,
    ]
  }
}
