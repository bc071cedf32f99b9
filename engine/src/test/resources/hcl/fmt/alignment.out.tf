resource "nsxt_policy_tier1_gateway" "t1" {
  display_name = "t1"
  description  = "tier-1 gateway"
  tier0_path   = data.nsxt_policy_tier0_gateway.t0.path
  # a comment breaks the run
  failover_mode = "PREEMPTIVE"
  x             = 1

  pool_allocation           = "ROUTING"
  route_advertisement_types = ["TIER1_CONNECTED", "TIER1_NAT"]
  tag {
    scope = "cluster"
    tag   = var.cluster
  }
  tags = {
    env        = "dev"
    owner_team = "net"
  }
}
locals {
  labels = {
    "app.kubernetes.io/name" = "web"
    tier                     = "frontend"
    ""                       = "empty key"
  }
}
