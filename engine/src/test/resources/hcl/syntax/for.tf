tuple_for      = [for v in var.list : upper(v)]
tuple_for_kv   = [for i, v in var.list : "${i}=${v}"]
tuple_for_if   = [for v in var.list : v if v != ""]
object_for     = {for k, v in var.map : k => v}
object_group   = {for v in var.list : v.zone => v.name...}
object_grp_if  = {for k, v in var.map : v => k... if k != "x"}
multi_line_for = [
  for s in var.subnets :
  cidrsubnet(s, 8, 1)
  if s != null
]
nested_for = [for a in x : [for b in a : b * 2]]
