# Literals and arithmetic; expected values in arithmetic.json.
locals {
  precedence                   = 1 + 2 * 3
  parentheses                  = (1 + 2) * 3
  division                     = 10 / 4
  modulo                       = 7 % 3
  negative_modulo              = -7 % 3
  negation                     = -var.port
  subtraction_left_associative = 2 - 3 - 4
  decimal_sum_is_exact         = 0.1 + 0.2
  big_product                  = 100000000000000000000 * 100000000000000000000
  divide_by_zero               = 1 / 0
  string_operand_converts      = "5" + 1
  non_numeric_operand          = "x" + 1
  null_operand                 = var.nothing + 1
}
