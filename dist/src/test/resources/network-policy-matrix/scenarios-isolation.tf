# Isolation per direction and policyTypes (network-policies docs: "The two sorts of pod isolation",
# "Default policies", and the API's defaulting of policyTypes).

locals {
  # A pod selected by a policy with Ingress in policyTypes and no ingress rules accepts nothing;
  # pods of other namespaces and the egress of the isolated pods are untouched.
  default_deny_ingress = {
    subnet     = 1
    namespaces = { prod = { env = "prod" }, dev = { env = "dev" } }
    pods = {
      "prod/web" = { labels = { app = "web" }, ports = {} }
      "prod/db"  = { labels = { app = "db" }, ports = {} }
      "dev/web"  = { labels = { app = "web" }, ports = {} }
    }
    policies = {
      default-deny-ingress = {
        namespace = "prod"
        spec = <<-EOT
          podSelector: {}
          policyTypes:
          - Ingress
          EOT
      }
    }
    probes = ["TCP/80", "UDP/53"]
    # Only connections into dev pass: prod's pods may still open connections (egress is not isolated).
    allowed = [
      "prod/web -> dev/web TCP/80", "prod/web -> dev/web UDP/53",
      "prod/db -> dev/web TCP/80", "prod/db -> dev/web UDP/53",
    ]
  }

  # Egress isolation: prod's pods open no connection, but still accept them (the replies of an
  # accepted connection flow, as policies are stateful). The update changes the policy into the
  # docs' pattern of a default deny that still allows DNS: an egress rule for UDP 53 to anyone.
  default_deny_egress = {
    subnet     = 2
    namespaces = { prod = { env = "prod" }, dev = { env = "dev" } }
    pods = {
      "prod/web" = { labels = { app = "web" }, ports = {} }
      "prod/db"  = { labels = { app = "db" }, ports = {} }
      "dev/web"  = { labels = { app = "web" }, ports = {} }
    }
    policies = {
      default-deny-egress = {
        namespace = "prod"
        spec      = var.updated ? local.deny_egress_but_dns : local.deny_egress
      }
    }
    probes = ["TCP/80", "UDP/53"]
    allowed = concat([
      "dev/web -> prod/web TCP/80", "dev/web -> prod/web UDP/53",
      "dev/web -> prod/db TCP/80", "dev/web -> prod/db UDP/53",
    ], var.updated ? tolist([
      # The DNS rule lets prod's pods send UDP 53 anywhere, and nothing else.
      "prod/web -> prod/db UDP/53", "prod/web -> dev/web UDP/53",
      "prod/db -> prod/web UDP/53", "prod/db -> dev/web UDP/53",
    ]) : tolist([]))
  }

  # policyTypes left out: Ingress always, Egress only when the policy has egress rules. The db
  # policy has both kinds of rules, so its pods are isolated both ways; the web policy has no
  # rules at all and becomes an ingress-only default deny, its pods' egress staying open.
  policy_types_default = {
    subnet     = 3
    namespaces = { prod = { env = "prod" }, dev = { env = "dev" } }
    pods = {
      "prod/web" = { labels = { app = "web" }, ports = {} }
      "prod/db"  = { labels = { app = "db" }, ports = {} }
      "dev/web"  = { labels = { app = "web" }, ports = {} }
    }
    policies = {
      db = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: db
          ingress:
          - from:
            - podSelector:
                matchLabels:
                  app: web
          egress:
          - to:
            - namespaceSelector:
                matchLabels:
                  env: prod
          EOT
      }
      web = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: web
          EOT
      }
    }
    probes = ["TCP/80"]
    # prod/db -> prod/web: db's egress allows prod, but web is isolated for ingress.
    # prod/db -> dev/web: db's egress (defaulted in) allows prod only.
    # dev/web -> prod/db: a podSelector peer alone means web pods of prod, not of dev.
    allowed = ["prod/web -> prod/db TCP/80", "prod/web -> dev/web TCP/80"]
  }

  # A connection needs both the source's egress and the destination's ingress to allow it.
  # prod/client may only reach dev's pods; dev/db only accepts dev/cache.
  egress_and_ingress = {
    subnet     = 8
    namespaces = { prod = { env = "prod" }, dev = { env = "dev" } }
    pods = {
      "prod/client" = { labels = { app = "client" }, ports = {} }
      "prod/db"     = { labels = { app = "db" }, ports = {} }
      "dev/db"      = { labels = { app = "db" }, ports = {} }
      "dev/cache"   = { labels = { app = "cache" }, ports = {} }
    }
    policies = {
      client-egress = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: client
          policyTypes:
          - Egress
          egress:
          - to:
            - namespaceSelector:
                matchLabels:
                  env: dev
          EOT
      }
      db-ingress = {
        namespace = "dev"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: db
          ingress:
          - from:
            - podSelector:
                matchLabels:
                  app: cache
          EOT
      }
    }
    probes = ["TCP/80"]
    denied = [
      "prod/client -> prod/db TCP/80", # ingress open, egress denies
      "prod/client -> dev/db TCP/80", # egress allows, ingress denies
      "prod/db -> dev/db TCP/80", # egress open, ingress denies
    ]
  }
}

# The spec of default-deny-egress before and after the update.
locals {
  deny_egress = <<-EOT
    podSelector: {}
    policyTypes:
    - Egress
    EOT

  deny_egress_but_dns = <<-EOT
    podSelector: {}
    policyTypes:
    - Egress
    egress:
    - ports:
      - protocol: UDP
        port: 53
    EOT
}
