# Collections; expected values in collections.json.
locals {
  tuple       = [1, "a", true]
  object_keys = {a = 1, "b" = 2, (var.name) = 3}
  null_key    = {(var.nothing) = 1}
  unknown_key = {(var.pending) = 1}
}
