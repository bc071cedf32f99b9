doc = <<EOT
${x
EOT
