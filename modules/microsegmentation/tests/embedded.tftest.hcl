# The module applied on the NSX simulator embedded in the provider (host = "embedded", its objects kept under
# .netform/nsx-sim/ of this directory); everything it creates is destroyed when the file ends.

provider "nsxt" {
  host = "embedded"
}

variables {
  name_prefix = "tftest"
  dns_servers = ["10.0.0.53"]
}

run "applies_the_four_sections" {
  assert {
    condition     = output.section_paths.Emergency == "/infra/domains/default/security-policies/tftest-emergency"
    error_message = "The Emergency section should be at its policy path, not ${output.section_paths.Emergency}."
  }

  assert {
    condition     = keys(output.environment_group_paths) == ["dev", "prod", "test"]
    error_message = "Each environment should get its group."
  }
}

run "a_new_environment_gets_its_group" {
  variables {
    environments = ["prod", "dev", "test", "stage"]
  }

  assert {
    condition     = output.environment_group_paths["stage"] == "/infra/domains/default/groups/tftest-env-stage"
    error_message = "The stage environment should get its group."
  }
}
