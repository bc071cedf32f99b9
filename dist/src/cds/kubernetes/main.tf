# The class-data-sharing training of the kubernetes plugin: src/cds/train plans, applies and plans
# again this configuration against kube-sim, so the plugin's archive holds the classes of
# configuring the client, reading (data sources, refresh), planning and creating.

terraform {
  required_providers {
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
  }
}

variable "kubeconfig" {
  type = string
}

provider "kubernetes" {
  config_path = var.kubeconfig
}

resource "kubernetes_namespace_v1" "team" {
  metadata {
    name   = "team-a"
    labels = { team = "a" }
  }
}

resource "kubernetes_network_policy_v1" "deny" {
  metadata {
    name      = "default-deny"
    namespace = kubernetes_namespace_v1.team.metadata[0].name
  }
  spec {
    pod_selector {}
    policy_types = ["Ingress", "Egress"]
    egress {
      to {
        namespace_selector {
          match_labels = { "kubernetes.io/metadata.name" = "kube-system" }
        }
      }
      ports {
        port     = "53"
        protocol = "UDP"
      }
    }
  }
}

resource "kubernetes_config_map_v1" "settings" {
  metadata {
    name      = "settings"
    namespace = kubernetes_namespace_v1.team.metadata[0].name
  }
  data = { color = "blue" }
}

resource "kubernetes_service_v1" "web" {
  metadata {
    name      = "web"
    namespace = kubernetes_namespace_v1.team.metadata[0].name
  }
  spec {
    selector = { app = "web" }
    port {
      port        = 80
      target_port = 8080
    }
  }
}

resource "kubernetes_labels" "default" {
  api_version = "v1"
  kind        = "Namespace"
  metadata {
    name = "default"
  }
  labels = { owner = "platform" }
}

resource "kubernetes_manifest" "pod" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name      = "web"
      namespace = kubernetes_namespace_v1.team.metadata[0].name
      labels    = { app = "web" }
    }
    spec = {
      containers = [{ name = "web", image = "nginx" }]
    }
  }
}

data "kubernetes_namespace_v1" "system" {
  metadata {
    name = "kube-system"
  }
}

data "kubernetes_all_namespaces" "all" {
  depends_on = [kubernetes_namespace_v1.team]
}

data "kubernetes_resources" "policies" {
  api_version    = "networking.k8s.io/v1"
  kind           = "NetworkPolicy"
  label_selector = "app!=legacy"
  depends_on     = [kubernetes_network_policy_v1.deny]
}

output "namespaces" {
  value = data.kubernetes_all_namespaces.all.namespaces
}

output "policies" {
  value = length(data.kubernetes_resources.policies.objects)
}
