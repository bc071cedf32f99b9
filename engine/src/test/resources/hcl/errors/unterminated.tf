first = "ok"
block "open" {
  a = [1,
