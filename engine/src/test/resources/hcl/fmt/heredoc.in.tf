locals {
user_data = <<-EOT
      #!/bin/sh
   echo ${var.name}
    EOT
   raw = <<EOT
  keep   this    spacing
EOT
  after = upper(<<EOT
x
EOT
  )
}
