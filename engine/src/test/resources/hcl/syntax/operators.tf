arith      = 1 + 2 * 3
left_assoc = 10 - 4 - 3
div_mul    = x / y * z
modulo     = a % b + c
unary      = -a + !b
double_neg = - -1
compare    = a + 1 > b * 2
equality   = a < b == c >= d
logic      = a || b && c
not_eq     = !a != b
mixed      = a == 1 || b != 2 && c <= 3
parens     = (a + b) * c
conditional = a ? b : c
nested_cond = a ? b : c ? d : e
cond_ops    = x > 0 && y ? "pos" : "neg"
cond_in_parens = (a ? 1 : 2) + 3
