variable "zones" {
  type        = map(object({ failure_domain = string }))
  description = "The availability zones the gateways span, each with the NSX failure domain (display name) of its edges, e.g. { az-1 = { failure_domain = \"az-1\" }, ... }."

  validation {
    condition     = length(var.zones) >= 2
    error_message = "var.zones: an edge cluster needs at least two zones, one for the active and one for the standby service context."
  }

  validation {
    condition     = length(distinct([for zone in values(var.zones) : zone.failure_domain])) == length(var.zones)
    error_message = "var.zones: two zones have the same failure domain; each zone needs its own, or active and standby could land in the same zone."
  }
}

variable "edge_cluster_name" {
  type        = string
  description = "The display name of the edge cluster that allocates service contexts by failure domain."
}

variable "gateway_path" {
  type        = string
  description = "The policy path of the tier-1 gateway whose active and standby contexts must sit in different zones."
}

variable "transport_zone_path" {
  type        = string
  description = "The overlay transport zone of the segments the gateway serves (e.g. the node network): the check segments_reachable_from_every_zone asserts that every edge of every zone joins it, so whichever zone runs the active context reaches them."
}
