# Comparison and logic; expected values in logic.json.
locals {
  less_than                       = 1 < 2
  greater_or_equal                = 3 >= 4
  equal_numbers                   = 1 == 1.0
  string_never_equals_number      = "1" == 1
  equal_tuples                    = [1, 2] == [1, 2]
  not_equal                       = var.name != "web"
  and                             = true && false
  or_short_circuits_unknown       = true || var.pending == "x"
  and_short_circuits_unknown      = false && var.pending == "x"
  and_with_unknown                = true && var.pending == "x"
  not                             = !var.flag
  not_of_string                   = !"true"
  number_as_bool                  = 1 && true
  and_skips_right_error           = false && tobool(var.name)
  or_skips_right_error            = true || tobool(var.name)
  guarded_attribute_of_null       = var.nothing != null && var.nothing.enabled
  deciding_right_error            = true && tobool(var.name)
  right_operand_type_checked      = false && var.name
  unknown_left_decides            = var.pending == "x" && tobool(var.name)
  sensitive_left_decides          = var.secret == "x" && tobool(var.name)
  null_operand_counts_as_false    = true && var.nothing
  null_operand_that_cannot_decide = false || var.nothing
}
