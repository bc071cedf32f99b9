# The dev environment: the same modules as test and prod, small, on one edge cluster without
# zones. It reads the platform stack's outputs (apply examples/environments/platform first) and
# keeps its state in a local file.

terraform {
  required_providers {
    nsxt = {
      source = "vmware/nsxt"
    }
  }

  # Local state beside this file: dev is one engineer's playground.
  backend "local" {}
}
