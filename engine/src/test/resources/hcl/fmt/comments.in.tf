# header comment   
   /* block comment
      keeps its inner layout */
variable "x" {   # after brace
  // inside
  default = 1   /* inline */
}
   # dangling indented comment
