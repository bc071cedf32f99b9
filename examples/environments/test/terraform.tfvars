environment = "test"

# Prod's namespaces, so that tests run where prod's workloads will, at a smaller size.
namespaces = {
  default     = 0
  kube-system = 1
  web         = 2
  api         = 3
  db          = 4
}
pod_block_prefix = 18 # 64 namespace /24s
snat_pool_prefix = 26 # 61 SNAT and VIP addresses
node_prefix      = 24
lb_size          = "MEDIUM"

isolation_peer = "dev"
dns_servers    = ["10.0.0.53", "10.0.1.53"]
