# The test environment: the same modules as dev and prod, prod's namespaces at a smaller size, on
# one edge cluster without zones. It reads the platform stack's outputs (apply
# examples/environments/platform first) and keeps its state in PostgreSQL: init with
# -backend-config=conn_str=... or PG_CONN_STR.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }

  backend "pg" {
    schema_name = "env_test"
  }
}
