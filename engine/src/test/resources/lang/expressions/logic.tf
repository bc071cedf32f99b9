# Comparison and logic; expected values in logic.json.
locals {
  less_than                  = 1 < 2
  greater_or_equal           = 3 >= 4
  equal_numbers              = 1 == 1.0
  string_never_equals_number = "1" == 1
  equal_tuples               = [1, 2] == [1, 2]
  not_equal                  = var.name != "web"
  and                        = true && false
  or_short_circuits_unknown  = true || var.pending == "x"
  and_short_circuits_unknown = false && var.pending == "x"
  and_with_unknown           = true && var.pending == "x"
  not                        = !var.flag
  not_of_string              = !"true"
  number_as_bool             = 1 && true
}
