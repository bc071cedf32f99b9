terraform {
  required_providers {
    nsxt = {
      source = "netform/nsxt"
    }
  }
}
