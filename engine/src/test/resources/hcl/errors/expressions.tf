tuple    = [1, 2 3]
object   = {a = 1 b = 2}
call     = max(1 2)
paren    = (1 + 2
attr     = var.
index    = var.list[0
cond     = a ? b
missing  =
invalid  = @
single   = 'x'
bitwise  = a & b
for_in   = [for x y : x]
for_col  = [for x in y]
for_obj  = {for k, v in m : k}
legacy   = foo.0.1
last     = ok
