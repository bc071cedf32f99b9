# leading comment
variable "name" {
  type        = string
  default     = "web-${ var.env }-x" // trailing
  description = "d"
}

resource "nsxt_policy_segment" web {
  count = 1 + 2 * 3 - -4 % 2
  cond  = a > 1 && b <= 2 || !c ? "yes" : "no"
  list = [1, 2.5, 1e3,
    "three",
  ]
  obj = {
    a = 1
    "bb" : 2, (c) = 3
  }
  f    = [for i, v in var.list : upper(v) if i > 0]
  g    = { for k, v in var.map : v => k... }
  h    = var.items[*].id
  i    = var.items.*.name[0]
  k    = concat(a, b...)
  neg  = -(a)
  notp = !(b)
  negi = -x[0]
  pf   = provider::nsxt::f(1)
  doc = <<-EOT
    hello
      ${name}
  EOT
  nested = foo({
    a = 1
  }, [
    2
  ])
  one { x = 1 }
  empty {}
  /* block */ z = 1
}
a = 65 .36
b = x.0 .1
c = 1.5
