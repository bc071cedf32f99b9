environment = "dev"

# Few namespaces, small blocks: a developer cluster.
namespaces = {
  default     = 0
  kube-system = 1
  web         = 2
}
pod_block_prefix = 20 # 16 namespace /24s
snat_pool_prefix = 27 # 29 SNAT and VIP addresses
node_prefix      = 26
lb_size          = "SMALL"

isolation_peer = "prod"
dns_servers    = ["10.0.0.53"]
