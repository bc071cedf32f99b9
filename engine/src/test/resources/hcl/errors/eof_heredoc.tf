doc = <<EOT
never closed
