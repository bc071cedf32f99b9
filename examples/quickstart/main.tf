# A first look at Netform with the bundled `testing` provider: objects in a local JSON store
# stand in for real infrastructure. `NETFORM_TESTING_STORE` names the store file.

terraform {
  required_providers {
    testing = {
      source = "netform/testing"
    }
  }
}

variable "namespaces" {
  type        = list(string)
  description = "Kubernetes namespaces that get a network each."
  default     = ["default", "kube-system", "web"]
}

resource "testing_object" "cluster" {
  name = "dev-cluster"
  tags = { env = "dev" }
}

resource "testing_object" "namespace" {
  for_each = toset(var.namespaces)
  name     = "dev-${each.key}"
  value    = cidrsubnet("10.244.0.0/16", 8, index(var.namespaces, each.key))
  tags     = { cluster = testing_object.cluster.id }
}

output "subnets" {
  value = { for ns, obj in testing_object.namespace : ns => obj.value }
}
