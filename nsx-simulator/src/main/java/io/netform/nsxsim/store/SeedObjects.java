package io.netform.nsxsim.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.SystemFields;
import java.util.ArrayList;
import java.util.List;

/** The objects a freshly installed NSX Manager already has. */
public final class SeedObjects {

    /** The default site's enforcement point, under which the fabric objects live. */
    public static final String ENFORCEMENT_POINT = "/infra/sites/default/enforcement-points/default";
    /** The default overlay transport zone. */
    public static final String OVERLAY_TZ = ENFORCEMENT_POINT + "/transport-zones/1b3a2f36-bfd1-443e-a0f6-4de01abc963e";
    /** The VLAN transport zone. */
    public static final String VLAN_TZ = ENFORCEMENT_POINT + "/transport-zones/a95c914d-748d-497c-94ab-10d4647daeba";
    /** The edge cluster. */
    public static final String EDGE_CLUSTER = ENFORCEMENT_POINT + "/edge-clusters/8a7d6ac9-4c3e-4d8b-b1b6-5f4e8d1e2c3a";
    /** The pre-created tier-0 gateway. */
    public static final String TIER0 = "/infra/tier-0s/T0";
    /** The DFW exclude list, a singleton. */
    public static final String EXCLUDE_LIST = "/infra/settings/firewall/security/exclude-list";

    private static final String SYSTEM_USER = "system";

    private final List<ObjectNode> objects = new ArrayList<>();
    private final long now;

    private SeedObjects(long now) {
        this.now = now;
    }

    /** Every seed object, parents before children, stamped as created by the system. */
    public static List<ObjectNode> freshInstall(long nowMillis) {
        SeedObjects seed = new SeedObjects(nowMillis);
        seed.fabric();
        seed.services();
        seed.loadBalancerProfiles();
        return List.copyOf(seed.objects);
    }

    private void fabric() {
        add("/infra/sites/default", "Site", true, Json.object().put("site_type", "ONPREM_LM"));
        add(ENFORCEMENT_POINT, "EnforcementPoint", true, Json.object().put("auto_enforce", true));
        add(
                OVERLAY_TZ,
                "PolicyTransportZone",
                true,
                Json.object()
                        .put("display_name", "nsx-overlay-transportzone")
                        .put("tz_type", "OVERLAY_STANDARD")
                        .put("is_default", true));
        add(
                VLAN_TZ,
                "PolicyTransportZone",
                true,
                Json.object()
                        .put("display_name", "nsx-vlan-transportzone")
                        .put("tz_type", "VLAN_BACKED")
                        .put("is_default", true));
        add(
                EDGE_CLUSTER,
                "PolicyEdgeCluster",
                true,
                Json.object()
                        .put("display_name", "edge-cluster-1")
                        .put("member_node_type", "EDGE_NODE")
                        .put("deployment_type", "VIRTUAL_MACHINE"));
        add(
                TIER0,
                "Tier0",
                false,
                Json.object().put("ha_mode", "ACTIVE_STANDBY").put("failover_mode", "NON_PREEMPTIVE"));
        add(
                TIER0 + "/locale-services/default",
                "LocaleServices",
                false,
                Json.object().put("edge_cluster_path", EDGE_CLUSTER));
        add("/infra/domains/default", "Domain", true, Json.object());
        add(EXCLUDE_LIST, "PolicyExcludeList", true, Json.object().set("members", Json.array()));
        ObjectNode layer3 = Json.object()
                .put("display_name", "Default Layer3 Section")
                .put("category", "Application")
                .put("sequence_number", Integer.MAX_VALUE)
                .put("stateful", true);
        add("/infra/domains/default/security-policies/default-layer3-section", "SecurityPolicy", true, layer3);
        ObjectNode rule = Json.object()
                .put("display_name", "Default Layer3 Rule")
                .put("sequence_number", Integer.MAX_VALUE)
                .put("action", "ALLOW")
                .put("direction", "IN_OUT")
                .put("ip_protocol", "IPV4_IPV6")
                .put("rule_id", 2);
        for (String any : List.of("source_groups", "destination_groups", "services", "scope")) {
            rule.putArray(any).add("ANY");
        }
        add(
                "/infra/domains/default/security-policies/default-layer3-section/rules/default-layer3-rule",
                "Rule",
                true,
                rule);
    }

    private void services() {
        l4("DNS", "TCP", "53");
        l4("DNS-UDP", "UDP", "53");
        l4("HTTP", "TCP", "80");
        l4("HTTPS", "TCP", "443");
        l4("SSH", "TCP", "22");
        l4("NTP", "UDP", "123");
        l4("SMTP", "TCP", "25");
        l4("LDAP", "TCP", "389");
        l4("MySQL", "TCP", "3306");
        l4("KubeAPI", "TCP", "6443");
        icmp("ICMP-ALL", null);
        icmp("ICMP Echo Request", 8);
        icmp("ICMP Echo Reply", 0);
    }

    private void l4(String name, String protocol, String port) {
        ObjectNode entry = Json.object().put("l4_protocol", protocol);
        entry.putArray("destination_ports").add(port);
        entry.putArray("source_ports");
        service(name, "L4PortSetServiceEntry", entry);
    }

    private void icmp(String name, Integer type) {
        ObjectNode entry = Json.object().put("protocol", "ICMPv4");
        if (type != null) {
            entry.put("icmp_type", type);
        }
        service(name, "ICMPTypeServiceEntry", entry);
    }

    private void service(String name, String entryType, ObjectNode entry) {
        String path = "/infra/services/" + name;
        add(
                path,
                "Service",
                true,
                Json.object().put("service_type", "NON_ETHER").put("is_default", true));
        add(path + "/service-entries/" + name, entryType, true, entry);
    }

    private void loadBalancerProfiles() {
        String app = "/infra/lb-app-profiles/";
        add(
                app + "default-http-lb-app-profile",
                "LBHttpProfile",
                true,
                Json.object()
                        .put("idle_timeout", 15)
                        .put("request_header_size", 1024)
                        .put("response_header_size", 4096)
                        .put("response_timeout", 60));
        add(
                app + "default-tcp-lb-app-profile",
                "LBFastTcpProfile",
                true,
                Json.object().put("idle_timeout", 1800).put("close_timeout", 8));
        add(
                app + "default-udp-lb-app-profile",
                "LBFastUdpProfile",
                true,
                Json.object().put("idle_timeout", 300));
        String monitor = "/infra/lb-monitor-profiles/";
        add(
                monitor + "default-http-lb-monitor",
                "LBHttpMonitorProfile",
                true,
                probe(80).put("request_url", "/"));
        add(
                monitor + "default-https-lb-monitor",
                "LBHttpsMonitorProfile",
                true,
                probe(443).put("request_url", "/"));
        add(monitor + "default-tcp-lb-monitor", "LBTcpMonitorProfile", true, probe(0));
        add(monitor + "default-icmp-lb-monitor", "LBIcmpMonitorProfile", true, probe(0));
        add(
                monitor + "default-passive-lb-monitor",
                "LBPassiveMonitorProfile",
                true,
                Json.object().put("max_fails", 5).put("timeout", 5));
        String persistence = "/infra/lb-persistence-profiles/";
        add(
                persistence + "default-source-ip-lb-persistence-profile",
                "LBSourceIpPersistenceProfile",
                true,
                Json.object().put("timeout", 300).put("persistence_shared", false));
        add(
                persistence + "default-cookie-lb-persistence-profile",
                "LBCookiePersistenceProfile",
                true,
                Json.object().put("cookie_name", "NSXLB").put("cookie_mode", "INSERT"));
        add(
                persistence + "default-generic-lb-persistence-profile",
                "LBGenericPersistenceProfile",
                true,
                Json.object().put("timeout", 300));
        for (String level : List.of("balanced", "high-compatibility", "high-security")) {
            String label = level.toUpperCase().replace('-', '_');
            add(
                    "/infra/lb-client-ssl-profiles/default-" + level + "-client-ssl-profile",
                    "LBClientSslProfile",
                    true,
                    sslProfile(label));
            add(
                    "/infra/lb-server-ssl-profiles/default-" + level + "-server-ssl-profile",
                    "LBServerSslProfile",
                    true,
                    sslProfile(label));
        }
    }

    private static ObjectNode probe(int port) {
        ObjectNode node = Json.object()
                .put("interval", 5)
                .put("timeout", 15)
                .put("rise_count", 3)
                .put("fall_count", 3);
        return port == 0 ? node : node.put("monitor_port", port);
    }

    private static ObjectNode sslProfile(String label) {
        ObjectNode node = Json.object().put("cipher_group_label", label).put("session_cache_enabled", true);
        ArrayNode protocols = node.putArray("protocols");
        protocols.add("TLS_V1_2");
        return node;
    }

    private void add(String path, String resourceType, boolean systemOwned, ObjectNode content) {
        objects.add(
                SystemFields.stamp(content, PolicyPath.parse(path), resourceType, null, SYSTEM_USER, now, systemOwned));
    }
}
