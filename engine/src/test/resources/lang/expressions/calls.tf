# Function calls; expected values in calls.json.
locals {
  call               = upper(var.name)
  too_many_expanded  = upper(var.zones...)
  unknown_function   = nosuch(1)
  sensitive_argument = upper(var.secret)
  coalesce_fails     = coalesce(var.nothing, "")
  can_false          = can(var.tags.missing)
  can_true           = can(var.tags.env)
  can_unknown        = can(var.pending)
  try_fallback       = try(var.tags.missing, "fallback")
  try_all_fail       = try(var.tags.missing, var.nothing.x)
  indent_negative    = indent(-1, "x")
}
