variable "nsx_manager" {
  type        = string
  description = "The NSX Manager's address, or \"embedded\" for the NSX simulator inside the provider."
  default     = "embedded"
}

variable "nsx_username" {
  type        = string
  description = "The NSX user; null takes NSXT_USERNAME. The embedded simulator needs none."
  default     = null
}

variable "nsx_password" {
  type        = string
  description = "The NSX user's password; null takes NSXT_PASSWORD."
  default     = null
  sensitive   = true
}

variable "nsx_ca_file" {
  type        = string
  description = "A PEM file of the CA certificates that sign the manager's certificate; null trusts the system's."
  default     = null
}
