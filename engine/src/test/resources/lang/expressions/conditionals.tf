# Conditionals; expected values in conditionals.json.
locals {
  true_branch       = var.flag ? "yes" : "no"
  arms_unify        = var.flag ? 1 : "two"
  arms_do_not_unify = var.flag ? [1] : {a = 1}
  null_condition    = var.nothing ? 1 : 2
  string_condition  = "maybe" ? 1 : 2
  unknown_condition = var.pending == "x" ? "a" : "b"
  null_arm          = var.flag ? null : "x"
  attribute_types   = var.flag ? { a = 1 } : { a = [1] }
  missing_attribute = var.flag ? { a = 1, b = [] } : { a = 1 }
  element_types     = var.flag ? [1] : [{}]
  unknown_numbers   = var.pending == "x" ? 1 : 5
  sensitive_arm     = var.flag ? "a" : var.secret
}
