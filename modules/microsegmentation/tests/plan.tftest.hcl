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
