# Which pods a policy selects and which peers it admits (network-policies docs: "Behavior of to
# and from selectors", label selectors; policies add up).

locals {
  # Two policies selecting prod/db add up: it accepts web pods of prod (one policy) and every pod
  # of namespaces labelled env=dev (the other). The update deletes the second policy.
  additive_union = {
    subnet     = 4
    namespaces = { prod = { env = "prod" }, dev = { env = "dev" }, ops = { env = "ops" } }
    pods = {
      "prod/db"  = { labels = { app = "db" }, ports = {} }
      "prod/web" = { labels = { app = "web" }, ports = {} }
      "dev/web"  = { labels = { app = "web" }, ports = {} }
      "ops/web"  = { labels = { app = "web" }, ports = {} }
    }
    policies = { for name, policy in {
      db-from-web = {
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
          EOT
      }
      db-from-dev = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: db
          ingress:
          - from:
            - namespaceSelector:
                matchLabels:
                  env: dev
          EOT
      }
    } : name => policy if !(var.updated && name == "db-from-dev") }
    probes = ["TCP/80"]
    denied = concat(["ops/web -> prod/db TCP/80"], var.updated ? tolist(["dev/web -> prod/db TCP/80"]) : tolist([]))
  }

  # spec.podSelector {} selects every pod of the namespace; a peer podSelector {} alone admits the
  # pods of the policy's namespace only; a peer namespaceSelector {} admits every pod of the cluster.
  empty_absent_selectors = {
    subnet     = 5
    namespaces = { prod = { env = "prod" }, dev = { env = "dev" } }
    pods = {
      "prod/web" = { labels = { app = "web" }, ports = {} }
      "prod/db"  = { labels = { app = "db" }, ports = {} }
      "dev/web"  = { labels = { app = "web" }, ports = {} }
    }
    policies = {
      web-from-own-namespace = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: web
          ingress:
          - from:
            - podSelector: {}
          EOT
      }
      db-from-everywhere = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: db
          ingress:
          - from:
            - namespaceSelector: {}
          EOT
      }
      dev-all-pods-open = {
        namespace = "dev"
        spec = <<-EOT
          podSelector: {}
          ingress:
          - {}
          EOT
      }
    }
    probes = ["TCP/80"]
    # dev's pods are all selected, but the one rule with neither from nor ports admits everything.
    denied = ["dev/web -> prod/web TCP/80"]
  }

  # matchExpressions: db accepts pods that have a tier other than data (Exists AND NotIn);
  # the pods without a tier (DoesNotExist) accept app In (web, db). The update labels batch
  # tier=frontend: it is no longer selected by the second policy, and db now accepts it.
  label_expressions = {
    subnet     = 6
    namespaces = { prod = { env = "prod" } }
    pods = {
      "prod/web"   = { labels = { app = "web", tier = "frontend" }, ports = {} }
      "prod/api"   = { labels = { app = "api", tier = "backend" }, ports = {} }
      "prod/db"    = { labels = { app = "db", tier = "data" }, ports = {} }
      "prod/batch" = { labels = var.updated ? tomap({ app = "batch", tier = "frontend" }) : tomap({ app = "batch" }), ports = {} }
    }
    policies = {
      db-from-tiers = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: db
          ingress:
          - from:
            - podSelector:
                matchExpressions:
                - key: tier
                  operator: Exists
                - key: tier
                  operator: NotIn
                  values: [data]
          EOT
      }
      untiered-from-web-and-db = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchExpressions:
            - key: tier
              operator: DoesNotExist
          ingress:
          - from:
            - podSelector:
                matchExpressions:
                - key: app
                  operator: In
                  values: [web, db]
          EOT
      }
    }
    probes = ["TCP/80"]
    denied = var.updated ? tolist([]) : tolist(["prod/batch -> prod/db TCP/80", "prod/api -> prod/batch TCP/80"])
  }

  # One peer with namespaceSelector AND podSelector admits frontends of team=a namespaces only;
  # two peers admit the pods of team=a namespaces OR the frontends of the policy's namespace.
  and_or_peers = {
    subnet     = 7
    namespaces = { prod = { env = "prod" }, dev = { env = "dev", team = "a" }, ops = { env = "ops" } }
    pods = {
      "prod/db"     = { labels = { app = "db" }, ports = {} }
      "prod/web"    = { labels = { app = "web" }, ports = {} }
      "prod/client" = { labels = { role = "frontend" }, ports = {} }
      "dev/client"  = { labels = { role = "frontend" }, ports = {} }
      "dev/web"     = { labels = { app = "web" }, ports = {} }
      "ops/client"  = { labels = { role = "frontend" }, ports = {} }
    }
    policies = {
      db-and = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: db
          ingress:
          - from:
            - namespaceSelector:
                matchLabels:
                  team: a
              podSelector:
                matchLabels:
                  role: frontend
          EOT
      }
      web-or = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: web
          ingress:
          - from:
            - namespaceSelector:
                matchLabels:
                  team: a
            - podSelector:
                matchLabels:
                  role: frontend
          EOT
      }
    }
    probes = ["TCP/80"]
    denied = [
      "prod/web -> prod/db TCP/80", # not a frontend
      "prod/client -> prod/db TCP/80", # a frontend, but prod is not team=a
      "dev/web -> prod/db TCP/80", # team=a, but not a frontend
      "ops/client -> prod/db TCP/80", # a frontend, but ops is not team=a
      "prod/db -> prod/web TCP/80", # neither: prod is not team=a, db is not a frontend
      "ops/client -> prod/web TCP/80", # a frontend, but of another namespace than the policy's
    ]
  }
}
