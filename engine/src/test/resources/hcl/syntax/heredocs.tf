plain = <<EOT
line one
line two
EOT
indented = <<-EOT
    alpha
      beta

    gamma
  EOT
interpolated = <<EOF
name=${var.name}
%{ for x in xs ~}
- ${x}
%{ endfor ~}
EOF
in_call = upper(<<EOT
inside call
EOT
)
marker_like = <<END
ENDING is not the marker
  END
