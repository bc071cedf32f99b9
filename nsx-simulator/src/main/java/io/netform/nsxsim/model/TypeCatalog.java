package io.netform.nsxsim.model;

import static io.netform.nsxsim.model.ChildRole.BLOCKS_PARENT;
import static io.netform.nsxsim.model.ChildRole.CASCADES;
import static io.netform.nsxsim.model.ChildRole.PORT;

import io.netform.nsxsim.model.ObjectKind.Trait;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Policy object types the simulator manages, declared as data and looked up by path. */
public final class TypeCatalog {

    private static final String EP = "/infra/sites/*/enforcement-points/*";
    private static final Set<String> SEGMENT = Set.of(
            "transport_zone_path",
            "connectivity_path",
            "subnets",
            "advanced_config",
            "domain_name",
            "vlan_ids",
            "overlay_id",
            "replication_mode",
            "l2_extension",
            "dhcp_config_path",
            "metadata_proxy_paths",
            "bridge_profiles",
            "address_bindings",
            "admin_state",
            "type",
            "extra_configs",
            "evpn_segment",
            "federation_config");
    private static final List<String> SEGMENT_REFS = List.of(
            "transport_zone_path", "connectivity_path", "dhcp_config_path", "advanced_config.address_pool_paths[]");
    private static final Set<String> PORT_PROPS = Set.of(
            "address_bindings", "attachment", "admin_state", "extra_configs", "ignored_address_bindings", "init_state");
    private static final Set<String> LOCALE = Set.of(
            "edge_cluster_path",
            "preferred_edge_paths",
            "route_redistribution_config",
            "ha_vip_configs",
            "bfd_profile_path");
    private static final List<String> LOCALE_REFS = List.of("edge_cluster_path", "preferred_edge_paths[]");
    private static final Set<String> MONITOR = Set.of(
            "monitor_port",
            "interval",
            "timeout",
            "rise_count",
            "fall_count",
            "request_url",
            "request_method",
            "request_version",
            "request_headers",
            "request_body",
            "response_status_codes",
            "response_body",
            "data_length",
            "send",
            "receive",
            "max_fails",
            "server_ssl_profile_binding");
    private static final Set<String> SSL_PROFILE = Set.of(
            "cipher_group_label",
            "ciphers",
            "protocols",
            "prefer_server_ciphers",
            "session_cache_enabled",
            "session_cache_timeout",
            "is_fips",
            "is_secure");
    private static final Set<String> L4_PORTS = Set.of("l4_protocol", "destination_ports", "source_ports");

    private final Map<String, ObjectKind> byPattern = new LinkedHashMap<>();

    private TypeCatalog() {}

    /** The catalog of every type the simulator knows. */
    public static TypeCatalog standard() {
        TypeCatalog c = new TypeCatalog();
        c.declareInfrastructure();
        c.declareGateways();
        c.declareSegments();
        c.declareIpam();
        c.declareLoadBalancing();
        c.declareSecurity();
        c.add(type("Traceflow", "/infra/traceflows/*")
                .props("TraceflowConfig", "source_element_path", "packet", "timeout", "is_transient")
                .refs("source_element_path"));
        return c;
    }

    /** The type of the object at this path, if the simulator manages that kind of object. */
    public Optional<ObjectKind> typeOf(PolicyPath path) {
        return Optional.ofNullable(byPattern.get(path.pattern()));
    }

    /** The type at an exact pattern, if declared. */
    public Optional<ObjectKind> typeAt(String pattern) {
        return Optional.ofNullable(byPattern.get(pattern));
    }

    /** Every declared type, in declaration order. */
    public List<ObjectKind> types() {
        return List.copyOf(byPattern.values());
    }

    /**
     * The child type under a parent pattern selected by a hierarchical-API name: the wrapper
     * name ({@code Segment}) or any accepted resource_type.
     */
    public Optional<ObjectKind> childType(String parentPattern, String name) {
        return byPattern.values().stream()
                .filter(t -> t.parentPattern().equals(parentPattern))
                .filter(t -> t.name().equals(name) || t.properties().containsKey(name))
                .findFirst();
    }

    private void declareInfrastructure() {
        add(type("Site", "/infra/sites/*").props("Site", "site_type", "fail_if_rtep_misconfigured"));
        add(type("EnforcementPoint", EP).props("EnforcementPoint", "connection_info", "auto_enforce"));
        add(type("PolicyTransportZone", EP + "/transport-zones/*")
                .props("PolicyTransportZone", "tz_type", "is_default", "nested_nsx", "transport_zone_profile_paths"));
        add(type("PolicyEdgeCluster", EP + "/edge-clusters/*")
                .props("PolicyEdgeCluster", "member_node_type", "deployment_type", "inter_site_forwarding_enabled"));
        add(type("PolicyEdgeNode", EP + "/edge-clusters/*/edge-nodes/*")
                .props("PolicyEdgeNode", "member_index", "nsx_id", "edge_transport_node_path")
                .refs("edge_transport_node_path"));
        add(type("PolicyEdgeTransportNode", EP + "/edge-transport-nodes/*")
                .props("PolicyEdgeTransportNode", "hostname", "switch_spec")
                .refs("switch_spec.switches[].overlay_transport_zone_paths[]"));
        add(type("Domain", "/infra/domains/*").props("Domain"));
        add(type("PolicyExcludeList", "/infra/settings/*/security/*")
                .props("PolicyExcludeList", "members")
                .refs("members[]")
                .trait(Trait.NOT_DELETABLE));
    }

    private void declareGateways() {
        add(type("Tier0", "/infra/tier-0s/*")
                .props(
                        "Tier0",
                        "failover_mode",
                        "ha_mode",
                        "transit_subnets",
                        "internal_transit_subnets",
                        "ipv6_profile_paths",
                        "dhcp_config_paths",
                        "vrf_config",
                        "force_whitelisting",
                        "disable_firewall",
                        "default_rule_logging",
                        "rd_admin_field",
                        "arp_limit",
                        "advanced_config"));
        add(type("LocaleServices", "/infra/tier-0s/*/locale-services/*")
                .props("LocaleServices", LOCALE)
                .refs(LOCALE_REFS));
        add(type("Tier1", "/infra/tier-1s/*")
                .props(
                        "Tier1",
                        "tier0_path",
                        "failover_mode",
                        "route_advertisement_types",
                        "route_advertisement_rules",
                        "disable_firewall",
                        "default_rule_logging",
                        "enable_standby_relocation",
                        "force_whitelisting",
                        "ha_mode",
                        "type",
                        "pool_allocation",
                        "dhcp_config_paths",
                        "ipv6_profile_paths",
                        "qos_profile",
                        "intersite_config",
                        "arp_limit")
                .refs("tier0_path", "dhcp_config_paths[]", "ipv6_profile_paths[]")
                .oneOf("failover_mode", "PREEMPTIVE", "NON_PREEMPTIVE")
                .oneOf("ha_mode", "ACTIVE_ACTIVE", "ACTIVE_STANDBY")
                .oneOf("type", "ROUTED", "ISOLATED", "NATTED")
                .oneOf("pool_allocation", "ROUTING", "LB_SMALL", "LB_MEDIUM", "LB_LARGE", "LB_XLARGE"));
        add(type("LocaleServices", "/infra/tier-1s/*/locale-services/*")
                .props("LocaleServices", LOCALE)
                .refs(LOCALE_REFS));
        add(type("PolicyNat", "/infra/tier-1s/*/nat/*")
                .props("PolicyNat", "nat_type")
                .trait(Trait.IMPLICIT));
        add(type("PolicyNatRule", "/infra/tier-1s/*/nat/*/nat-rules/*")
                .role(BLOCKS_PARENT)
                .props(
                        "PolicyNatRule",
                        "action",
                        "source_network",
                        "destination_network",
                        "translated_network",
                        "translated_ports",
                        "service",
                        "sequence_number",
                        "enabled",
                        "logging",
                        "firewall_match",
                        "scope",
                        "policy_based_vpn_mode")
                .refs("service", "scope[]")
                .oneOf("action", "SNAT", "DNAT", "REFLEXIVE", "NO_SNAT", "NO_DNAT", "NAT64")
                .oneOf("firewall_match", "MATCH_EXTERNAL_ADDRESS", "MATCH_INTERNAL_ADDRESS", "BYPASS"));
    }

    private void declareSegments() {
        add(type("Segment", "/infra/segments/*")
                .props("Segment", SEGMENT)
                .refs(SEGMENT_REFS)
                .oneOf("replication_mode", "MTEP", "SOURCE"));
        add(type("Segment", "/infra/tier-1s/*/segments/*")
                .role(BLOCKS_PARENT)
                .props("Segment", SEGMENT)
                .refs(SEGMENT_REFS)
                .oneOf("replication_mode", "MTEP", "SOURCE"));
        add(type("SegmentPort", "/infra/segments/*/ports/*").role(PORT).props("SegmentPort", PORT_PROPS));
        add(type("SegmentPort", "/infra/tier-1s/*/segments/*/ports/*")
                .role(PORT)
                .props("SegmentPort", PORT_PROPS));
    }

    private void declareIpam() {
        add(type("IpAddressBlock", "/infra/ip-blocks/*")
                .props("IpAddressBlock", "cidr", "cidrs", "visibility", "range", "excluded_ips", "subnet_exclusive"));
        add(type("IpAddressPool", "/infra/ip-pools/*").props("IpAddressPool", "ip_address_type"));
        add(type("IpAddressPoolSubnet", "/infra/ip-pools/*/ip-subnets/*")
                .role(BLOCKS_PARENT)
                .trait(Trait.RESOURCE_TYPE_REQUIRED)
                .props("IpAddressPoolBlockSubnet", "size", "auto_assign_gateway", "ip_block_path", "start_ip", "cidr")
                .props(
                        "IpAddressPoolStaticSubnet",
                        "cidr",
                        "allocation_ranges",
                        "gateway_ip",
                        "dns_nameservers",
                        "dns_suffix")
                .refs("ip_block_path"));
        add(type("IpAddressAllocation", "/infra/ip-pools/*/ip-allocations/*")
                .role(BLOCKS_PARENT)
                .props("IpAddressAllocation", "allocation_ip"));
    }

    private void declareLoadBalancing() {
        add(type("LBService", "/infra/lb-services/*")
                .trait(Trait.FORCE_DELETABLE)
                .props(
                        "LBService",
                        "connectivity_path",
                        "size",
                        "enabled",
                        "error_log_level",
                        "relax_scale_validation",
                        "access_log_enabled")
                .refs("connectivity_path")
                .oneOf("size", "SMALL", "MEDIUM", "LARGE", "XLARGE", "DLB"));
        add(type("LBPool", "/infra/lb-pools/*")
                .trait(Trait.FORCE_DELETABLE)
                .props(
                        "LBPool",
                        "members",
                        "member_group",
                        "algorithm",
                        "active_monitor_paths",
                        "passive_monitor_path",
                        "min_active_members",
                        "tcp_multiplexing_enabled",
                        "tcp_multiplexing_number",
                        "snat_translation")
                .refs("member_group.group_path", "active_monitor_paths[]", "passive_monitor_path")
                .oneOf(
                        "algorithm",
                        "ROUND_ROBIN",
                        "WEIGHTED_ROUND_ROBIN",
                        "LEAST_CONNECTION",
                        "WEIGHTED_LEAST_CONNECTION",
                        "IP_HASH"));
        add(type("LBVirtualServer", "/infra/lb-virtual-servers/*")
                .trait(Trait.FORCE_DELETABLE)
                .props(
                        "LBVirtualServer",
                        "ip_address",
                        "ports",
                        "lb_service_path",
                        "pool_path",
                        "application_profile_path",
                        "lb_persistence_profile_path",
                        "sorry_pool_path",
                        "default_pool_member_ports",
                        "enabled",
                        "access_log_enabled",
                        "log_significant_event_only",
                        "max_concurrent_connections",
                        "max_new_connection_rate",
                        "rules",
                        "access_list_control",
                        "client_ssl_profile_binding",
                        "server_ssl_profile_binding")
                .refs(
                        "lb_service_path",
                        "pool_path",
                        "application_profile_path",
                        "lb_persistence_profile_path",
                        "sorry_pool_path",
                        "access_list_control.group_path",
                        "client_ssl_profile_binding.ssl_profile_path",
                        "server_ssl_profile_binding.ssl_profile_path"));
        add(type("LBAppProfile", "/infra/lb-app-profiles/*")
                .trait(Trait.FORCE_DELETABLE)
                .trait(Trait.RESOURCE_TYPE_REQUIRED)
                .props(
                        "LBHttpProfile",
                        "http_redirect_to",
                        "http_redirect_to_https",
                        "idle_timeout",
                        "request_body_size",
                        "request_header_size",
                        "response_header_size",
                        "response_timeout",
                        "x_forwarded_for",
                        "ntlm",
                        "response_buffering",
                        "server_keep_alive")
                .props("LBFastTcpProfile", "idle_timeout", "close_timeout", "ha_flow_mirroring_enabled")
                .props("LBFastUdpProfile", "idle_timeout", "flow_mirroring_enabled"));
        add(type("LBMonitorProfile", "/infra/lb-monitor-profiles/*")
                .trait(Trait.FORCE_DELETABLE)
                .trait(Trait.RESOURCE_TYPE_REQUIRED)
                .props("LBHttpMonitorProfile", MONITOR)
                .props("LBHttpsMonitorProfile", MONITOR)
                .props("LBIcmpMonitorProfile", MONITOR)
                .props("LBTcpMonitorProfile", MONITOR)
                .props("LBUdpMonitorProfile", MONITOR)
                .props("LBPassiveMonitorProfile", MONITOR));
        add(type("LBPersistenceProfile", "/infra/lb-persistence-profiles/*")
                .trait(Trait.RESOURCE_TYPE_REQUIRED)
                .props(
                        "LBSourceIpPersistenceProfile",
                        "persistence_shared",
                        "purge",
                        "timeout",
                        "ha_persistence_mirroring_enabled")
                .props(
                        "LBCookiePersistenceProfile",
                        "cookie_name",
                        "cookie_mode",
                        "cookie_domain",
                        "cookie_fallback",
                        "cookie_garble",
                        "cookie_path",
                        "cookie_time",
                        "persistence_shared")
                .props(
                        "LBGenericPersistenceProfile",
                        "persistence_shared",
                        "timeout",
                        "ha_persistence_mirroring_enabled"));
        add(type("LBClientSslProfile", "/infra/lb-client-ssl-profiles/*").props("LBClientSslProfile", SSL_PROFILE));
        add(type("LBServerSslProfile", "/infra/lb-server-ssl-profiles/*").props("LBServerSslProfile", SSL_PROFILE));
    }

    private void declareSecurity() {
        add(type("Group", "/infra/domains/*/groups/*")
                .role(BLOCKS_PARENT)
                .props("Group", "expression", "group_type", "extended_expression")
                .refs("expression[].paths[]", "expression[].expressions[].paths[]"));
        add(type("Service", "/infra/services/*")
                .props("Service", "service_entries", "service_type", "is_default")
                .inline("service_entries", "service-entries"));
        add(type("ServiceEntry", "/infra/services/*/service-entries/*")
                .trait(Trait.RESOURCE_TYPE_REQUIRED)
                .props("L4PortSetServiceEntry", L4_PORTS)
                .props("ICMPTypeServiceEntry", "protocol", "icmp_type", "icmp_code")
                .props("IPProtocolServiceEntry", "protocol_number")
                .props("IGMPTypeServiceEntry")
                .props("EtherTypeServiceEntry", "ether_type")
                .props("ALGTypeServiceEntry", "alg", "destination_ports", "source_ports")
                .props("NestedServiceServiceEntry", "nested_service_path")
                .refs("nested_service_path"));
        add(type("SecurityPolicy", "/infra/domains/*/security-policies/*")
                .role(BLOCKS_PARENT)
                .props(
                        "SecurityPolicy",
                        "category",
                        "sequence_number",
                        "stateful",
                        "tcp_strict",
                        "locked",
                        "scope",
                        "comments",
                        "rules",
                        "internal_sequence_number",
                        "logging_enabled",
                        "connectivity_strategy",
                        "application_connectivity_strategy",
                        "is_default")
                .refs("scope[]")
                .inline("rules", "rules")
                .oneOf("category", "Ethernet", "Emergency", "Infrastructure", "Environment", "Application"));
        add(type("Rule", "/infra/domains/*/security-policies/*/rules/*")
                .props(
                        "Rule",
                        "sequence_number",
                        "source_groups",
                        "destination_groups",
                        "services",
                        "service_entries",
                        "profiles",
                        "scope",
                        "action",
                        "direction",
                        "ip_protocol",
                        "logged",
                        "tag",
                        "notes",
                        "disabled",
                        "sources_excluded",
                        "destinations_excluded")
                .refs("source_groups[]", "destination_groups[]", "services[]", "scope[]", "profiles[]")
                .oneOf("action", "ALLOW", "DROP", "REJECT", "JUMP_TO_APPLICATION")
                .oneOf("direction", "IN", "OUT", "IN_OUT")
                .oneOf("ip_protocol", "IPV4", "IPV6", "IPV4_IPV6"));
    }

    private void add(Declaration d) {
        byPattern.put(
                d.pattern,
                new ObjectKind(
                        d.name,
                        d.pattern,
                        d.properties,
                        d.references,
                        d.role,
                        d.inline,
                        d.traits.isEmpty() ? Set.of() : EnumSet.copyOf(d.traits),
                        d.choices));
    }

    private static Declaration type(String name, String pattern) {
        return new Declaration(name, pattern);
    }

    /** Collects one type's description; only used while the catalog is built. */
    private static final class Declaration {
        private final String name;
        private final String pattern;
        private final Map<String, Set<String>> properties = new LinkedHashMap<>();
        private final List<String> references = new ArrayList<>();
        private final Map<String, String> inline = new LinkedHashMap<>();
        private final Set<Trait> traits = EnumSet.noneOf(Trait.class);
        private final Map<String, Set<String>> choices = new LinkedHashMap<>();
        private ChildRole role = CASCADES;

        private Declaration(String name, String pattern) {
            this.name = name;
            this.pattern = pattern;
        }

        Declaration props(String resourceType, String... names) {
            return props(resourceType, Set.of(names));
        }

        Declaration props(String resourceType, Set<String> names) {
            properties.put(resourceType, Set.copyOf(names));
            return this;
        }

        Declaration refs(String... specs) {
            return refs(List.of(specs));
        }

        Declaration refs(List<String> specs) {
            references.addAll(specs);
            return this;
        }

        Declaration inline(String property, String collection) {
            inline.put(property, collection);
            return this;
        }

        Declaration role(ChildRole childRole) {
            role = childRole;
            return this;
        }

        Declaration oneOf(String property, String... values) {
            choices.put(property, Set.of(values));
            return this;
        }

        Declaration trait(Trait trait) {
            traits.add(trait);
            return this;
        }
    }
}
