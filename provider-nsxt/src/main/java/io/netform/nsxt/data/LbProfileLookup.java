package io.netform.nsxt.data;

import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A lookup of a load-balancer profile whose NSX resource_type comes in several kinds that
 * terraform-provider-nsxt names by a short {@code type} (HTTP → LBHttpProfile, ...): one kind is
 * searched by its resource_type, {@code ANY} (or no type) by the profiles' common path.
 */
final class LbProfileLookup extends SearchDataSource {

    private static final String ANY = "ANY";

    private final String collection;
    private final Map<String, String> kinds;

    private LbProfileLookup(
            String typeName,
            String family,
            String collection,
            Map<String, String> kinds,
            Supplier<PolicyClient> client) {
        super(
                typeName,
                family,
                lookupFields()
                        .custom(
                                SchemaAttribute.string("type")
                                        .optionalComputed()
                                        .describedAs(
                                                "The kind to find: " + String.join(", ", kinds.keySet()) + " or ANY."),
                                (value, json) -> {},
                                json -> {},
                                json -> Value.string(shortName(
                                        kinds, json.path("resource_type").asText()))),
                client);
        this.collection = collection;
        this.kinds = kinds;
    }

    /** {@code nsxt_policy_lb_app_profile}: HTTP, TCP or UDP application profiles. */
    static LbProfileLookup appProfiles(Supplier<PolicyClient> client) {
        return new LbProfileLookup(
                "nsxt_policy_lb_app_profile",
                "LBAppProfile",
                "/infra/lb-app-profiles",
                ordered("HTTP", "LBHttpProfile", "TCP", "LBFastTcpProfile", "UDP", "LBFastUdpProfile"),
                client);
    }

    /** {@code nsxt_policy_lb_monitor}: active and passive health monitors. */
    static LbProfileLookup monitors(Supplier<PolicyClient> client) {
        return new LbProfileLookup(
                "nsxt_policy_lb_monitor",
                "LBMonitorProfile",
                "/infra/lb-monitor-profiles",
                ordered(
                        "HTTP",
                        "LBHttpMonitorProfile",
                        "HTTPS",
                        "LBHttpsMonitorProfile",
                        "TCP",
                        "LBTcpMonitorProfile",
                        "UDP",
                        "LBUdpMonitorProfile",
                        "ICMP",
                        "LBIcmpMonitorProfile",
                        "PASSIVE",
                        "LBPassiveMonitorProfile"),
                client);
    }

    @Override
    public void validate(Value config) {
        resourceTypeOf(config);
    }

    @Override
    protected List<String> kindTerms(Value config) {
        String resourceType = resourceTypeOf(config);
        // The search API matches resource_type exactly, so every kind at once is found by where they live.
        return resourceType == null
                ? List.of("path:" + escape(collection + "/") + "*")
                : List.of("resource_type:" + escape(resourceType));
    }

    /** The resource_type the configured type names; null for any. */
    private String resourceTypeOf(Value config) {
        Value type = config.getAttr("type");
        if (type.isNull() || !type.isKnown() || type.asString().equals(ANY)) {
            return null;
        }
        String resourceType = kinds.get(type.asString());
        if (resourceType == null) {
            throw new DiagnosticException(
                    "Invalid type",
                    "type must be one of " + String.join(", ", kinds.keySet()) + " or " + ANY + ", not \""
                            + type.asString() + "\".",
                    AttributePath.of("type"));
        }
        return resourceType;
    }

    private static String shortName(Map<String, String> kinds, String resourceType) {
        return kinds.entrySet().stream()
                .filter(e -> e.getValue().equals(resourceType))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(resourceType);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
