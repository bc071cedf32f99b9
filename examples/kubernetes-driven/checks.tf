# Proof that the firewall follows the cluster: a packet from team-a's web pod to its db pod is
# DROPPED while the cluster has nsx-deny-egress-policy in team-a, and DELIVERED while it has not.
# The traceflow runs when both pods exist (kubectl apply -f pods.yaml).

locals {
  egress_denied = contains(keys(module.cluster.network_policies), "team-a/nsx-deny-egress-policy")
  expected      = local.egress_denied ? "DROPPED" : "DELIVERED"
  probes = {
    for pair in [["team-a/web", "team-a/db"]] : "${pair[0]} -> ${pair[1]}" => {
      source      = module.cluster.pod_ports[pair[0]]
      destination = module.cluster.pod_ports[pair[1]]
    }
    if alltrue([for pod in pair : contains(keys(module.cluster.pod_ports), pod)])
  }
}

data "nsxt_policy_traceflow" "web_egress" {
  for_each = local.probes

  source           = each.value.source
  destination      = each.value.destination
  protocol         = "TCP"
  destination_port = 6379
  depends_on       = [module.cluster]
}

check "web_egress_follows_the_cluster" {
  assert {
    condition = alltrue([for probe in data.nsxt_policy_traceflow.web_egress : probe.verdict == local.expected])
    error_message = join("; ", [
      for pair, probe in data.nsxt_policy_traceflow.web_egress :
      "${pair} TCP 6379 should be ${local.expected} (nsx-deny-egress-policy is ${local.egress_denied ? "" : "not "}in the cluster); the traceflow says ${probe.verdict} (rule ${coalesce(probe.acl_rule_path, "none")})"
    ])
  }
}

output "traceflow_verdicts" {
  description = "The verdict of each traceflow of the check, by pair of pods."
  value       = { for pair, probe in data.nsxt_policy_traceflow.web_egress : pair => probe.verdict }
}
