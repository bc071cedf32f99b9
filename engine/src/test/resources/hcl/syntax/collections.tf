empty_tuple  = []
tuple        = [1, "two", three]
trailing     = [1, 2,]
multi_line = [
  1,
  2,
]
empty_object = {}
object = { a = 1, b = 2 }
colons = { a: 1, "b": 2 }
keys = {
  bare        = 1
  "quoted"    = 2
  (var.k)     = 3
  "${pfx}-x"  = 4
  var.path    = 5
}
newline_separated = {
  a = 1
  b = [
    1, 2
  ]
  c = { d = 4 }
}
nested = [[1, 2], { a = [3] }]
for_key_quoted = { "for" = 1, baz = 2 }
for_key_later  = { baz = 2, for = 1 }
for_in_parens  = [(for), foo]
