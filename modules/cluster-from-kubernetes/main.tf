# One Kubernetes cluster's NSX networking and firewall, following the live cluster as NCP does:
# its namespaces (read with their labels), NetworkPolicies and pods come from the API server, three
# list calls per plan however many objects there are, and become modules/cluster-network's
# per-namespace objects, nsxt_k8s_network_policy sections and the pods' tagged segment ports.

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

data "kubernetes_resources" "namespaces" {
  api_version    = "v1"
  kind           = "Namespace"
  label_selector = var.namespace_label_selector
}

data "kubernetes_resources" "network_policies" {
  api_version = "networking.k8s.io/v1"
  kind        = "NetworkPolicy"
}

data "kubernetes_resources" "pods" {
  api_version = "v1"
  kind        = "Pod"
}

locals {
  slot_annotation = "netform.io/subnet-slot"
  block_prefix    = tonumber(split("/", var.pod_ip_block_cidr)[1])
  slot_count      = pow(2, var.namespace_prefix_length - local.block_prefix)

  # A namespace keeps its slot while others come and go: the annotation's slot when it has one,
  # else one taken from a hash of its name (two names on one slot are refused by cluster-network).
  namespaces = {
    for ns in data.kubernetes_resources.namespaces.objects : ns.metadata.name => {
      labels = try(ns.metadata.labels, {})
      slot = try(
        tonumber(ns.metadata.annotations[local.slot_annotation]),
        parseint(substr(sha256(ns.metadata.name), 0, 8), 16) % local.slot_count,
      )
    }
  }

  network_policies = {
    for policy in data.kubernetes_resources.network_policies.objects :
    "${policy.metadata.namespace}/${policy.metadata.name}" => policy
    if contains(keys(local.namespaces), policy.metadata.namespace)
  }

  pods = {
    for pod in data.kubernetes_resources.pods.objects : "${pod.metadata.namespace}/${pod.metadata.name}" => {
      namespace = pod.metadata.namespace
      name      = pod.metadata.name
      labels    = try(pod.metadata.labels, {})
      ip        = try(pod.status.podIP, null)
      ports = merge([
        for container in pod.spec.containers : {
          for port in try(container.ports, []) :
          "ncp/port/${port.name}" => "${port.containerPort}/${try(port.protocol, "TCP")}"
          if try(port.name, null) != null
        }
      ]...)
    }
    # host-network pods use the node's address and get no port, as with NCP
    if contains(keys(local.namespaces), pod.metadata.namespace) && !try(pod.spec.hostNetwork, false)
  }

  # Pods without an address (no CNI ran them, as in kube-sim) get the namespace subnet's address
  # 10 + their place among the namespace's pods by name.
  pod_names = {
    for ns in keys(local.namespaces) : ns => sort([for key, pod in local.pods : pod.name if pod.namespace == ns])
  }
  pod_ips = {
    for key, pod in local.pods : key => coalesce(
      pod.ip,
      cidrhost(module.network.namespace_segments[pod.namespace].subnet, 10 + index(local.pod_names[pod.namespace], pod.name)),
    )
  }
}

module "network" {
  source = "../cluster-network"

  cluster_name                = var.cluster_name
  namespaces                  = { for name, ns in local.namespaces : name => ns.slot }
  tier0_path                  = var.tier0_path
  edge_cluster_name           = var.edge_cluster_name
  overlay_transport_zone_name = var.overlay_transport_zone_name
  node_cidr                   = var.node_cidr
  pod_ip_block_cidr           = var.pod_ip_block_cidr
  namespace_prefix_length     = var.namespace_prefix_length
  external_cidr               = var.external_cidr
  ingress_certificate_path    = var.ingress_certificate_path
  isolate_namespaces          = var.isolate_namespaces
  # after the NetworkPolicies' isolation sections (2090), so that the policies decide first
  firewall_sequence_number = 2095
  tags                     = var.tags
}

# The segment ports NCP creates for pods, tagged as NCP tags them (cluster, namespace, each label,
# each named container port), so the policies' groups and named ports find them.
resource "nsxt_policy_segment_port" "pod" {
  for_each = local.pods

  nsx_id       = "${var.cluster_name}-${each.value.namespace}-${each.value.name}"
  display_name = each.key
  segment_path = module.network.namespace_segments[each.value.namespace].path

  address_binding {
    ip_address = local.pod_ips[each.key]
  }

  dynamic "tag" {
    for_each = merge(
      var.tags,
      { "ncp/cluster" = var.cluster_name, "ncp/project" = each.value.namespace },
      each.value.labels,
      each.value.ports,
    )
    content {
      scope = tag.key
      tag   = tag.value
    }
  }
}

# Every NetworkPolicy of the cluster in the distributed firewall, resolved against the
# namespaces' labels as the cluster has them.
resource "nsxt_k8s_network_policy" "policy" {
  for_each = local.network_policies

  cluster    = var.cluster_name
  namespaces = { for name, ns in local.namespaces : name => ns.labels }
  manifest = {
    apiVersion = "networking.k8s.io/v1"
    kind       = "NetworkPolicy"
    metadata = {
      name      = each.value.metadata.name
      namespace = each.value.metadata.namespace
    }
    spec = each.value.spec
  }

  # Named ports are read from the pods' tags when the policy is planned.
  depends_on = [nsxt_policy_segment_port.pod]
}
