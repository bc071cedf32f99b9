# Reachability the policies imply, traced between the pods after every plan and apply. A failed
# check is a warning naming it, with the traceflow's verdict and the firewall rule that decided.

check "web_egress_is_denied" {
  data "nsxt_policy_traceflow" "web_egress_is_denied" {
    source           = local.port["prod/web"]
    destination      = local.port["dev/web"]
    protocol         = "TCP"
    destination_port = 8080
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.web_egress_is_denied.verdict == "DROPPED"
    error_message = "prod/web -> dev/web TCP 8080 should be DROPPED (nsx-deny-egress-policy isolates the egress of prod's web pods); the traceflow says ${data.nsxt_policy_traceflow.web_egress_is_denied.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.web_egress_is_denied.acl_rule_path, "none")})."
  }
}

check "web_may_resolve_names" {
  data "nsxt_policy_traceflow" "web_may_resolve_names" {
    source           = local.port["prod/web"]
    destination      = local.port["dev/client"]
    protocol         = "UDP"
    destination_port = 53
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.web_may_resolve_names.verdict == "DELIVERED"
    error_message = "prod/web -> dev/client UDP 53 should be DELIVERED (nsx-deny-egress-policy lets web pods reach DNS on UDP 53); the traceflow says ${data.nsxt_policy_traceflow.web_may_resolve_names.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.web_may_resolve_names.acl_rule_path, "none")})."
  }
}

check "frontend_reaches_db" {
  data "nsxt_policy_traceflow" "frontend_reaches_db" {
    source           = local.port["prod/client"]
    destination      = local.port["prod/db"]
    protocol         = "TCP"
    destination_port = 6379
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.frontend_reaches_db.verdict == "DELIVERED"
    error_message = "prod/client -> prod/db TCP 6379 should be DELIVERED (test-network-policy admits frontends of prod on TCP 6379); the traceflow says ${data.nsxt_policy_traceflow.frontend_reaches_db.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.frontend_reaches_db.acl_rule_path, "none")})."
  }
}

check "db_is_closed_on_other_ports" {
  data "nsxt_policy_traceflow" "db_is_closed_on_other_ports" {
    source           = local.port["prod/client"]
    destination      = local.port["prod/db"]
    protocol         = "TCP"
    destination_port = 80
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.db_is_closed_on_other_ports.verdict == "DROPPED"
    error_message = "prod/client -> prod/db TCP 80 should be DROPPED (test-network-policy admits TCP 6379 only); the traceflow says ${data.nsxt_policy_traceflow.db_is_closed_on_other_ports.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.db_is_closed_on_other_ports.acl_rule_path, "none")})."
  }
}

check "dev_reaches_db" {
  data "nsxt_policy_traceflow" "dev_reaches_db" {
    source           = local.port["dev/web"]
    destination      = local.port["prod/db"]
    protocol         = "TCP"
    destination_port = 6379
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.dev_reaches_db.verdict == "DELIVERED"
    error_message = "dev/web -> prod/db TCP 6379 should be DELIVERED (test-network-policy admits every pod of namespaces labelled env=dev); the traceflow says ${data.nsxt_policy_traceflow.dev_reaches_db.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.dev_reaches_db.acl_rule_path, "none")})."
  }
}

check "ops_frontend_cannot_reach_db" {
  data "nsxt_policy_traceflow" "ops_frontend_cannot_reach_db" {
    source           = local.port["ops/client"]
    destination      = local.port["prod/db"]
    protocol         = "TCP"
    destination_port = 6379
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.ops_frontend_cannot_reach_db.verdict == "DROPPED"
    error_message = "ops/client -> prod/db TCP 6379 should be DROPPED (a podSelector peer alone selects frontends of prod only); the traceflow says ${data.nsxt_policy_traceflow.ops_frontend_cannot_reach_db.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.ops_frontend_cannot_reach_db.acl_rule_path, "none")})."
  }
}

check "db_egress_is_limited" {
  data "nsxt_policy_traceflow" "db_egress_is_limited" {
    source           = local.port["prod/db"]
    destination      = local.port["dev/web"]
    protocol         = "TCP"
    destination_port = 5978
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.db_egress_is_limited.verdict == "DROPPED"
    error_message = "prod/db -> dev/web TCP 5978 should be DROPPED (test-network-policy lets prod's db pods reach 10.0.0.0/24 only); the traceflow says ${data.nsxt_policy_traceflow.db_egress_is_limited.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.db_egress_is_limited.acl_rule_path, "none")})."
  }
}

check "ops_is_isolated_for_ingress" {
  data "nsxt_policy_traceflow" "ops_is_isolated_for_ingress" {
    source           = local.port["dev/client"]
    destination      = local.port["ops/db"]
    protocol         = "TCP"
    destination_port = 6379
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.ops_is_isolated_for_ingress.verdict == "DROPPED"
    error_message = "dev/client -> ops/db TCP 6379 should be DROPPED (default-deny-ingress isolates every pod of ops); the traceflow says ${data.nsxt_policy_traceflow.ops_is_isolated_for_ingress.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.ops_is_isolated_for_ingress.acl_rule_path, "none")})."
  }
}

check "shop_reaches_ops_web" {
  data "nsxt_policy_traceflow" "shop_reaches_ops_web" {
    source           = local.port["prod/client"]
    destination      = local.port["ops/web"]
    protocol         = "TCP"
    destination_port = 8080
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.shop_reaches_ops_web.verdict == "DELIVERED"
    error_message = "prod/client -> ops/web TCP 8080 should be DELIVERED (allow-web-from-shop admits the shop team's namespaces on the named port http); the traceflow says ${data.nsxt_policy_traceflow.shop_reaches_ops_web.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.shop_reaches_ops_web.acl_rule_path, "none")})."
  }
}

check "ops_cannot_reach_ops_web" {
  data "nsxt_policy_traceflow" "ops_cannot_reach_ops_web" {
    source           = local.port["ops/client"]
    destination      = local.port["ops/web"]
    protocol         = "TCP"
    destination_port = 8080
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.ops_cannot_reach_ops_web.verdict == "DROPPED"
    error_message = "ops/client -> ops/web TCP 8080 should be DROPPED (ops is not labelled team=shop); the traceflow says ${data.nsxt_policy_traceflow.ops_cannot_reach_ops_web.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.ops_cannot_reach_ops_web.acl_rule_path, "none")})."
  }
}

check "dev_db_egress_is_a_port_range" {
  data "nsxt_policy_traceflow" "dev_db_egress_is_a_port_range" {
    source           = local.port["dev/db"]
    destination      = local.port["dev/web"]
    protocol         = "TCP"
    destination_port = 8080
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.dev_db_egress_is_a_port_range.verdict == "DROPPED"
    error_message = "dev/db -> dev/web TCP 8080 should be DROPPED (multi-port-egress lets dev's db pods reach 10.0.0.0/24 on 32000-32768 only); the traceflow says ${data.nsxt_policy_traceflow.dev_db_egress_is_a_port_range.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.dev_db_egress_is_a_port_range.acl_rule_path, "none")})."
  }
}

check "unselected_pods_are_open" {
  data "nsxt_policy_traceflow" "unselected_pods_are_open" {
    source           = local.port["dev/web"]
    destination      = local.port["dev/db"]
    protocol         = "TCP"
    destination_port = 8080
    depends_on       = [nsxt_k8s_network_policy.policy]
  }
  assert {
    condition     = data.nsxt_policy_traceflow.unselected_pods_are_open.verdict == "DELIVERED"
    error_message = "dev/web -> dev/db TCP 8080 should be DELIVERED (no policy selects dev's web or db pods for this direction); the traceflow says ${data.nsxt_policy_traceflow.unselected_pods_are_open.verdict} (rule ${coalesce(data.nsxt_policy_traceflow.unselected_pods_are_open.acl_rule_path, "none")})."
  }
}
