output "tier1_path" {
  value = module.cluster.tier1_path
}

output "namespace_segments" {
  value = module.cluster.namespace_segments
}

output "snat_ips" {
  value = module.cluster.snat_ips
}

output "vip" {
  value = module.cluster.vip
}
