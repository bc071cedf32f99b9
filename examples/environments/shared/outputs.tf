output "tier1_path" {
  value = module.cluster.tier1_path
}

output "pod_ip_block_cidr" {
  value = local.pod_cidr
}

output "external_cidr" {
  value = local.external_cidr
}

output "snat_ips" {
  value = module.cluster.snat_ips
}

output "vip" {
  value = module.cluster.vip
}
