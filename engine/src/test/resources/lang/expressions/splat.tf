# Splat; expected values in splat.json.
locals {
  attribute_splat = [{a = 1}, {a = 2}][*].a
  null_splat      = var.nothing[*]
  object_splat    = {a = 1}[*].a
  unknown_splat   = var.unknown_list[*]
  empty_list_splat = tolist([])[*].a
  null_list_splat  = tolist(null)[*]
}
