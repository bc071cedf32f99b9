attr        = var.name
chain       = module.net.outputs.id
index       = var.list[0]
string_key  = var.map["key"]
expr_key    = var.map[local.k]
legacy      = foo.0.bar
mixed       = a.b[1].c["d"]
attr_splat  = var.items.*.id
attr_splat2 = var.items.*.a.b
after_attr_splat = var.items.*.name[0]
full_splat  = var.items[*].id
full_splat2 = var.items[*].a[0].b
nested_splat = var.x[*].y[*].z
bare_splat  = var.items[*]
call_index  = concat(a, b)[0]
paren_attr  = (var.x).y
tuple_index = [1, 2][1]
multiline_index = var.list[
  0
]
