# Traversal; expected values in traversal.json.
locals {
  attribute                   = var.tags.env
  index_by_string             = var.tags["tier"]
  index                       = var.zones[1]
  index_string_number         = var.zones["1"]
  legacy_index                = var.zones.0
  index_out_of_range          = var.zones[2]
  negative_index              = var.zones[-1]
  fractional_index            = var.zones[0.5]
  missing_attribute           = var.tags.missing
  attribute_of_null           = var.nothing.x
  index_of_null               = var.nothing[0]
  index_of_set                = var.set[0]
  attribute_of_string         = var.name.x
  index_of_unknown_list       = var.unknown_list[0]
  attribute_of_unknown_string = var.pending.x
  unknown_variable            = nope.x
  sensitive_variable          = var.secret
}
