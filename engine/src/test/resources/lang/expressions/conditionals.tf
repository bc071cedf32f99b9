# Conditionals; expected values in conditionals.json.
locals {
  true_branch                  = var.flag ? "yes" : "no"
  arms_unify                   = var.flag ? 1 : "two"
  arms_do_not_unify            = var.flag ? [1] : {a = 1}
  null_condition               = var.nothing ? 1 : 2
  string_condition             = "maybe" ? 1 : 2
  unknown_condition            = var.pending == "x" ? "a" : "b"
  null_arm                     = var.flag ? null : "x"
  attribute_types              = var.flag ? { a = 1 } : { a = [1] }
  missing_attribute            = var.flag ? { a = 1, b = [] } : { a = 1 }
  element_types                = var.flag ? [1] : [{}]
  unknown_numbers              = var.pending == "x" ? 1 : 5
  sensitive_arm                = var.flag ? "a" : var.secret
  guarded_null_argument        = var.nothing != null ? upper(var.nothing) : "default"
  error_in_false_arm           = var.flag ? "a" : upper(var.nothing)
  type_error_in_arm_not_taken  = var.flag ? 1 : tonumber(var.name)
  nested_arms_not_taken        = var.flag ? (!var.flag ? upper(var.nothing) : "x") : tobool(var.name)
  error_in_chosen_arm          = var.flag ? upper(var.nothing) : "b"
  unknown_condition_arm_errors = var.pending == "x" ? upper(var.nothing) : "b"
  list_and_set_arms            = var.flag ? tolist(["a"]) : toset(["b"])
  null_takes_other_arm_type    = !var.flag ? [1] : null
  typed_null_arm               = !var.flag ? true : (!var.flag ? [1] : null)
  unknown_list_and_set_arms    = var.pending == "x" ? tolist(["a"]) : toset(["b"])
  sensitive_condition          = var.secret == "x" ? 1 : 2
}
