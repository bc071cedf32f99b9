# The module's logic, planned with the nsxt provider mocked: no NSX Manager, no simulator.
# Run with `netform init && netform test` in modules/microsegmentation.

mock_provider "nsxt" {}

variables {
  dns_servers = ["10.0.0.53"]
}

run "one_section_per_category_in_order" {
  command = plan

  assert {
    condition = [
      nsxt_policy_security_policy.emergency.category,
      nsxt_policy_security_policy.infrastructure.category,
      nsxt_policy_security_policy.environment.category,
      nsxt_policy_security_policy.application.category,
    ] == ["Emergency", "Infrastructure", "Environment", "Application"]
    error_message = "The module should lay out one section per category."
  }
}

run "each_environment_is_isolated_from_the_others" {
  command = plan

  variables {
    environments = ["prod", "dev"]
  }

  assert {
    condition     = [for r in nsxt_policy_security_policy.environment.rule : r.display_name] == ["isolate-prod", "isolate-dev"]
    error_message = "Each environment should get one isolating rule."
  }
}

run "the_application_section_ends_in_the_default_rule" {
  command = plan

  variables {
    default_rule_action = "REJECT"
  }

  assert {
    condition     = nsxt_policy_security_policy.application.rule[length(nsxt_policy_security_policy.application.rule) - 1].action == "REJECT"
    error_message = "The last rule of the Application section should be the default rule with the chosen action."
  }
}

run "allowing_by_default_is_refused" {
  command = plan

  variables {
    default_rule_action = "ALLOW"
  }

  expect_failures = [var.default_rule_action]
}

run "without_a_scope_the_sections_apply_to_every_workload" {
  command = plan

  assert {
    condition     = nsxt_policy_security_policy.application.scope == null && nsxt_policy_security_policy.environment.scope == null
    error_message = "Without a scope the sections should leave NSX's Applied To unset (the whole DFW)."
  }
}

run "a_scope_applies_every_section_to_its_groups_only" {
  command = plan

  variables {
    scope = ["/infra/domains/default/groups/prod-workloads"]
  }

  assert {
    condition = alltrue([for section in [
      nsxt_policy_security_policy.emergency,
      nsxt_policy_security_policy.infrastructure,
      nsxt_policy_security_policy.environment,
      nsxt_policy_security_policy.application,
    ] : section.scope == toset(["/infra/domains/default/groups/prod-workloads"])])
    error_message = "Every section, the one with the default rule included, should apply to the scope's groups only."
  }
}

run "a_scope_that_is_not_a_group_path_is_refused" {
  command = plan

  variables {
    scope = ["prod-workloads"]
  }

  expect_failures = [var.scope]
}
