# Conditionals; expected values in conditionals.json.
locals {
  true_branch       = var.flag ? "yes" : "no"
  arms_unify        = var.flag ? 1 : "two"
  arms_do_not_unify = var.flag ? [1] : {a = 1}
  null_condition    = var.nothing ? 1 : 2
  string_condition  = "maybe" ? 1 : 2
  unknown_condition = var.pending == "x" ? "a" : "b"
  null_arm          = var.flag ? null : "x"
}
