output "section_paths" {
  description = "The four sections by category, in the order NSX evaluates them."
  value = {
    Emergency      = nsxt_policy_security_policy.emergency.path
    Infrastructure = nsxt_policy_security_policy.infrastructure.path
    Environment    = nsxt_policy_security_policy.environment.path
    Application    = nsxt_policy_security_policy.application.path
  }
}

output "quarantine_group_path" {
  description = "The group of quarantined workloads."
  value       = nsxt_policy_group.quarantine.path
}

output "environment_group_paths" {
  description = "The group of each environment, by name."
  value       = { for name, g in nsxt_policy_group.environment : name => g.path }
}

output "excluded_paths" {
  description = "The paths this module put on the DFW exclusion list."
  value = sort(concat(
    [for m in nsxt_policy_firewall_exclude_list_member.management_component : m.member],
    [for m in nsxt_policy_firewall_exclude_list_member.management_group : m.member],
  ))
}
