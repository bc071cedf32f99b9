# Ports and addresses (network-policies docs: "Targeting a range of ports", named ports resolved
# against the destination pod, ipBlock with except).

locals {
  # Named port http: prod's pods accept their own http port only (8080 for web, 9090 for api);
  # dev/client may reach any pod on that pod's http port, and nothing else.
  named_port = {
    subnet     = 9
    namespaces = { prod = { env = "prod" }, dev = { env = "dev" } }
    pods = {
      "prod/web"   = { labels = { app = "web" }, ports = { http = "8080/TCP" } }
      "prod/api"   = { labels = { app = "api" }, ports = { http = "9090/TCP" } }
      "dev/client" = { labels = { app = "client" }, ports = {} }
      "dev/web"    = { labels = { app = "web" }, ports = { http = "8080/TCP" } }
    }
    policies = {
      http-in = {
        namespace = "prod"
        spec = <<-EOT
          podSelector: {}
          ingress:
          - ports:
            - port: http
          EOT
      }
      client-http-out = {
        namespace = "dev"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: client
          policyTypes:
          - Egress
          egress:
          - to:
            - namespaceSelector: {}
            ports:
            - port: http
          EOT
      }
    }
    probes = ["TCP/8080", "TCP/9090"]
    denied = [
      "prod/api -> prod/web TCP/9090", "dev/client -> prod/web TCP/9090", "dev/web -> prod/web TCP/9090",
      "prod/web -> prod/api TCP/8080", "dev/client -> prod/api TCP/8080", "dev/web -> prod/api TCP/8080",
      "dev/client -> dev/web TCP/9090",
    ]
  }

  # port..endPort is an inclusive range, for its own protocol only.
  port_range = {
    subnet     = 10
    namespaces = { prod = { env = "prod" }, dev = { env = "dev" } }
    pods = {
      "prod/db"  = { labels = { app = "db" }, ports = {} }
      "prod/web" = { labels = { app = "web" }, ports = {} }
      "dev/web"  = { labels = { app = "web" }, ports = {} }
    }
    policies = {
      db-range = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: db
          ingress:
          - ports:
            - protocol: TCP
              port: 32000
              endPort: 32768
          EOT
      }
    }
    probes = ["TCP/31999", "TCP/32000", "TCP/32768", "TCP/32769", "UDP/32000"]
    denied = [
      "prod/web -> prod/db TCP/31999", "prod/web -> prod/db TCP/32769", "prod/web -> prod/db UDP/32000",
      "dev/web -> prod/db TCP/31999", "dev/web -> prod/db TCP/32769", "dev/web -> prod/db UDP/32000",
    ]
  }

  # db may send TCP 5978 to 172.16.0.0/16 except 172.16.1.0/24, and nothing else (not even to a
  # pod, whose address is outside the block); web is not isolated.
  ip_block_except = {
    subnet     = 11
    namespaces = { prod = { env = "prod" } }
    pods = {
      "prod/db"  = { labels = { app = "db" }, ports = {} }
      "prod/web" = { labels = { app = "web" }, ports = {} }
    }
    external = {
      "ext/in-block"  = "172.16.2.5"
      "ext/in-except" = "172.16.1.5"
      "ext/outside"   = "192.168.7.7"
    }
    policies = {
      db-egress = {
        namespace = "prod"
        spec = <<-EOT
          podSelector:
            matchLabels:
              app: db
          policyTypes:
          - Egress
          egress:
          - to:
            - ipBlock:
                cidr: 172.16.0.0/16
                except:
                - 172.16.1.0/24
            ports:
            - protocol: TCP
              port: 5978
          EOT
      }
    }
    probes = ["TCP/5978", "TCP/80"]
    allowed = [
      "prod/db -> ext/in-block TCP/5978",
      "prod/web -> prod/db TCP/5978", "prod/web -> prod/db TCP/80",
      "prod/web -> ext/in-block TCP/5978", "prod/web -> ext/in-block TCP/80",
      "prod/web -> ext/in-except TCP/5978", "prod/web -> ext/in-except TCP/80",
      "prod/web -> ext/outside TCP/5978", "prod/web -> ext/outside TCP/80",
    ]
  }
}
