# One scenario: its pods as tagged segment ports of its own cluster (policies select by the
# ncp/cluster tag, so scenarios never see each other's pods), its NetworkPolicies, a traceflow for
# every ordered pair of pods (and from every pod to every external address) on every probe, and
# one check comparing each verdict with the verdict Kubernetes' semantics give.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }
}

variable "cluster" {
  type        = string
  description = "The cluster's name: the ncp/cluster tag of its pods."
}

variable "subnet" {
  type        = number
  description = "The third octet of the pods' addresses, unique per scenario on the shared segment."
}

variable "segment_path" {
  type        = string
  description = "The segment the pods are attached to."
}

variable "namespaces" {
  type        = map(map(string))
  description = "The cluster's namespaces and their labels."
}

variable "pods" {
  type = map(object({
    labels = map(string)
    ports  = map(string)
  }))
  description = "The pods by namespace/name: their labels and named container ports (name => \"8080/TCP\")."
}

variable "external" {
  type        = map(string)
  default     = {}
  description = "Addresses outside the cluster by name (ext/NAME), probed from every pod."
}

variable "policies" {
  type = map(object({
    namespace = string
    spec      = string
  }))
  description = "The NetworkPolicies by name: their namespace and spec (YAML, as in the manifest)."
}

variable "probes" {
  type        = list(string)
  description = "The protocols and ports probed between every pair, e.g. \"TCP/80\"."
}

variable "allowed" {
  type        = list(string)
  default     = null
  description = "The probes (\"FROM -> TO PROTO/PORT\") Kubernetes allows, every other one being denied; or give denied."
}

variable "denied" {
  type        = list(string)
  default     = null
  description = "The probes Kubernetes denies, every other one being allowed; or give allowed."
}

locals {
  pod_names = sort(keys(var.pods))
  addresses = merge(
    { for name in local.pod_names : name => "10.244.${var.subnet}.${10 + index(local.pod_names, name)}" },
    var.external,
  )

  probes = {
    for probe in flatten([
      for from in local.pod_names : [
        for to, _ in local.addresses : [
          for p in var.probes : {
            key      = "${from} -> ${to} ${p}"
            from     = from
            to       = to
            protocol = split("/", p)[0]
            port     = tonumber(split("/", p)[1])
          }
        ] if to != from
      ]
    ]) : probe.key => probe
  }

  # An allowed probe to a pod is DELIVERED; one to an external address leaves NSX through the
  # tier-0 uplink (FORWARDED). A denied one is DROPPED by the distributed firewall.
  listed = var.allowed != null ? var.allowed : var.denied
  expected = {
    for key, probe in local.probes : key => (contains(local.listed, key) == (var.allowed != null)
      ? (contains(keys(var.external), probe.to) ? "FORWARDED" : "DELIVERED")
      : "DROPPED")
  }
  port_paths = { for name, port in nsxt_policy_segment_port.pod : name => port.path }
  verdicts   = { for key, trace in data.nsxt_policy_traceflow.probe : key => trace.verdict }
  unknown    = [for key in local.listed : key if !contains(keys(local.probes), key)]
}

resource "nsxt_policy_segment_port" "pod" {
  for_each = var.pods

  nsx_id       = "${var.cluster}-${replace(each.key, "/", "-")}"
  display_name = "${var.cluster}/${each.key}"
  segment_path = var.segment_path

  address_binding {
    ip_address = local.addresses[each.key]
  }

  dynamic "tag" {
    for_each = merge(
      { "ncp/cluster" = var.cluster, "ncp/project" = split("/", each.key)[0] },
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
  for_each = var.policies

  cluster    = var.cluster
  namespaces = var.namespaces
  manifest = {
    apiVersion = "networking.k8s.io/v1"
    kind       = "NetworkPolicy"
    metadata   = { name = each.key, namespace = each.value.namespace }
    spec       = yamldecode(each.value.spec)
  }

  # Named ports are read from the pods' tags.
  depends_on = [nsxt_policy_segment_port.pod]
}

# Traced after the pods and policies are written (a pending change to either defers the read to
# the apply), so every apply checks what NSX then enforces.
data "nsxt_policy_traceflow" "probe" {
  for_each = local.probes

  source           = nsxt_policy_segment_port.pod[each.value.from].path
  destination      = lookup(local.port_paths, each.value.to, null)
  destination_ip   = contains(local.pod_names, each.value.to) ? null : local.addresses[each.value.to]
  protocol         = each.value.protocol
  destination_port = each.value.port

  depends_on = [nsxt_policy_segment_port.pod, nsxt_k8s_network_policy.policy]
}

check "reachability" {
  assert {
    condition     = length(local.unknown) == 0 && alltrue([for key, verdict in local.expected : local.verdicts[key] == verdict])
    error_message = "${var.cluster}: ${join("; ", concat([for key in local.unknown : "${key} is not a probe"], [for key, verdict in local.expected : "${key} should be ${verdict}, the traceflow says ${local.verdicts[key]}" if local.verdicts[key] != verdict]))}."
  }
}

output "probes" {
  description = "How many probes the scenario traced."
  value       = length(local.probes)
}
