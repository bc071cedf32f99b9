a = 1 2
"quoted" = 1
resource "x" "y" z = {
}
ok = 1
block {
  b = 1
  b = 2
}
one { a = 1 b = 2 }
after = true
missing_equals
}
