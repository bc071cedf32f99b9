# For expressions; expected values in for.json.
locals {
  tuple_for                      = [for z in var.zones : upper(z)]
  tuple_for_with_condition       = [for i, z in var.zones : "${i}${z}" if i > 0]
  object_for                     = {for k, v in var.tags : v => k}
  grouping                       = {for z in ["a", "b", "a"] : z => 1...}
  duplicate_key                  = {for z in ["a", "a"] : z => 1}
  over_null                      = [for x in var.nothing : x]
  over_number                    = [for x in 5 : x]
  over_unknown                   = [for x in var.unknown_list : x]
  over_set                       = [for x in var.set : x]
  unknown_condition              = [for x in [1, 2] : x if var.pending == "x"]
  condition_checked_when_empty   = [for x in [] : x if tobool(var.name)]
  non_bool_condition_when_empty  = [for x in [] : x if var.name]
  null_condition_when_empty      = [for x in [] : x if null]
  condition_checked_when_unknown = [for x in var.unknown_list : x if var.tags]
  condition_on_symbol_when_empty = [for x in [] : x if x]
  over_unknown_string            = [for x in var.pending : x]
}
