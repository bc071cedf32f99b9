# Traces packets between the example's pods on the NSX simulator, for the reachability runs of
# ../reachability.tftest.hcl: a helper module (a test run's `module` block), so the traceflows run after
# the run that applied the policies and read the firewall that apply left.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }
}

variable "segment_path" {
  type        = string
  description = "The pods' segment; each pod is its port NAMESPACE-NAME, as the example names them."
  default     = "/infra/segments/k1-pods"
}

variable "flows" {
  type = map(object({
    from     = string
    to       = string
    protocol = string
    port     = number
  }))
  description = "The packets to trace, by a name for the assertions: from and to are pods as namespace/name."
}

data "nsxt_policy_traceflow" "flow" {
  for_each = var.flows

  source           = "${var.segment_path}/ports/${replace(each.value.from, "/", "-")}"
  destination      = "${var.segment_path}/ports/${replace(each.value.to, "/", "-")}"
  protocol         = each.value.protocol
  destination_port = each.value.port
}

output "verdict" {
  description = "By flow: DELIVERED or DROPPED."
  value       = { for name, flow in data.nsxt_policy_traceflow.flow : name => flow.verdict }
}

output "rule" {
  description = "By flow: the firewall rule that decided, or \"none\"."
  value       = { for name, flow in data.nsxt_policy_traceflow.flow : name => coalesce(flow.acl_rule_path, "none") }
}
