environment = "prod"

namespaces = {
  default     = 0
  kube-system = 1
  web         = 2
  api         = 3
  db          = 4
  monitoring  = 5
}
pod_block_prefix = 16 # the platform's whole prod range: 256 namespace /24s
snat_pool_prefix = 22 # 1021 SNAT and VIP addresses
node_prefix      = 22
lb_size          = "LARGE"

# Three zones; the services return to the preferred edge when its zone comes back.
zones         = ["az-1", "az-2", "az-3"]
failover_mode = "PREEMPTIVE"

isolation_peer = "dev"
dns_servers    = ["10.0.0.53", "10.0.1.53"]
