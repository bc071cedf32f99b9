# Templates; expected values in templates.json.
locals {
  plain                             = "plain"
  interpolations                    = "${var.name}-${var.port}"
  single_interpolation_keeps_string = "${var.name}"
  single_interpolation_keeps_type   = "${var.port}"
  unknown_gives_prefix              = "pre-${var.pending}-post"
  if_directive                      = "a%{if var.flag}b%{else}c%{endif}d"
  for_directive                     = "%{for z in var.zones}[${z}]%{endfor}"
  for_directive_with_index          = "%{for i, z in var.zones}${i}=${z};%{endfor}"
  null_interpolation                = "x${var.nothing}"
  list_interpolation                = "x${var.zones}"
  sensitive_interpolation           = "s=${var.secret}"
  heredoc                           = <<EOT
hello ${var.name}
EOT
  flush_heredoc_counts_tabs         = <<-EOT
	tab
	  tab and spaces
	EOT
  flush_heredoc_keeps_blank_lines   = <<-EOT
    a
      
      b
    EOT
  flush_heredoc_interpolation_first = <<-EOT
    a
${"b"}
    EOT
  flush_heredoc_after_strip_markers = <<-EOT
    a
    %{~ if true ~}
    b
    %{~ endif ~}
    EOT
}
