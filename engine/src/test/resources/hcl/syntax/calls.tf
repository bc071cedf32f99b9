no_args   = timestamp()
one_arg   = upper("x")
many_args = join(",", ["a", "b"])
trailing  = max(1, 2,)
expanded  = max(var.numbers...)
mixed_exp = format("%s-%s", var.parts...)
nested    = lower(upper(trim(" x ")))
multi_line = merge(
  local.a,
  {
    b = 2
  },
)
hyphen-name = provider-fn(1)
provider_fn = provider::nsxt::parse_path("/infra/tier-1s/t1")
