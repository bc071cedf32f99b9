# Reachability proven before merge: the policies of this example are applied on the NSX simulator
# embedded in the provider, then packets are traced between the pods. A change to a NetworkPolicy
# manifest (or to the configuration) that cuts prod's frontends off their database, or opens prod's
# database to dev on any other port, fails `netform test`, with the traceflow's verdict and deciding
# rule in the message, before anything reaches the real NSX. Run it with
#   ./netform -chdir=examples/network-policy init && ./netform -chdir=examples/network-policy test
# Everything the file applied is destroyed when it ends.

provider "nsxt" {
  host = "embedded"
}

run "realize_the_policies" {
  assert {
    condition     = length(output.policies) == 5
    error_message = "Each of the five NetworkPolicy manifests should be realized, not ${length(output.policies)}."
  }
}

run "who_reaches_whom" {
  command = plan

  module {
    source = "./tests/trace"
  }

  variables {
    flows = {
      client_to_db       = { from = "prod/client", to = "prod/db", protocol = "TCP", port = 6379 }
      dev_to_db_ssh      = { from = "dev/client", to = "prod/db", protocol = "TCP", port = 22 }
      dev_to_db_postgres = { from = "dev/web", to = "prod/db", protocol = "TCP", port = 5432 }
      ops_to_db          = { from = "ops/client", to = "prod/db", protocol = "TCP", port = 6379 }
    }
  }

  assert {
    condition     = output.verdict.client_to_db == "DELIVERED"
    error_message = "prod/client -> prod/db TCP 6379 must stay open (prod's frontends use the database); the traceflow says ${output.verdict.client_to_db} (rule ${output.rule.client_to_db})."
  }

  assert {
    condition     = output.verdict.dev_to_db_ssh == "DROPPED"
    error_message = "dev/client -> prod/db TCP 22 must stay closed (dev reaches prod's database on TCP 6379 only); the traceflow says ${output.verdict.dev_to_db_ssh} (rule ${output.rule.dev_to_db_ssh})."
  }

  assert {
    condition     = output.verdict.dev_to_db_postgres == "DROPPED"
    error_message = "dev/web -> prod/db TCP 5432 must stay closed (dev reaches prod's database on TCP 6379 only); the traceflow says ${output.verdict.dev_to_db_postgres} (rule ${output.rule.dev_to_db_postgres})."
  }

  assert {
    condition     = output.verdict.ops_to_db == "DROPPED"
    error_message = "ops/client -> prod/db TCP 6379 must stay closed (only prod's frontends and dev may reach prod's database); the traceflow says ${output.verdict.ops_to_db} (rule ${output.rule.ops_to_db})."
  }
}
