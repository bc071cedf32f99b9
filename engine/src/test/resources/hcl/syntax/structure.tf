# A line comment with a hash
// A line comment with slashes
/* A block comment
   spanning lines */
name = "top"

terraform {
  required_version = ">= 1.5"
}

resource "nsxt_policy_segment" "web" {
  display_name = "web" # trailing comment
  subnet {
    cidr = "10.0.0.1/24"
  }
}

provider nsxt {}
locals { region = "eu" }
module "net" bare_label "quoted" {
  source /* inline */ = "./net"
}
empty "x" {
}
