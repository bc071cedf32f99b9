variable "nsx_manager" {
  type        = string
  description = "The NSX Manager's address, or \"embedded\" for the NSX simulator inside the provider. The credentials and CA file of a real manager come from NSXT_USERNAME, NSXT_PASSWORD and NSXT_CA_FILE."
  default     = "embedded"
}
