package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code nsxt_policy_nat_rule}: a NAT rule of a gateway, in the gateway's USER section (NAT64 for
 * action NAT64); the network lists are NSX's comma-separated network strings.
 */
final class NatRule extends PolicyResource {

    private static final String USER = "USER";
    private static final String NAT64 = "NAT64";
    private static final PathPattern IN_SECTION = PathPattern.of("{gateway_path}/nat/{section}/nat-rules/{id}");
    private static final Set<String> WITHOUT_TRANSLATION = Set.of("NO_SNAT", "NO_DNAT");
    private static final Set<String> WITH_VPN_MODE = Set.of("DNAT", "NO_DNAT");

    static final Fields<ObjectNode> FIELDS = networks(CommonFields.builder()
                    .local(SchemaAttribute.string("gateway_path")
                            .required()
                            .forceNew()
                            .describedAs("The tier-1 gateway the rule belongs to."))
                    .add(SchemaAttribute.string("action")
                            .required()
                            .describedAs("SNAT, DNAT, REFLEXIVE, NO_SNAT, NO_DNAT or NAT64.")))
            .add(SchemaAttribute.string("translated_ports").optional().describedAs("A port or port range (DNAT only)."))
            .add(SchemaAttribute.string("service")
                    .optional()
                    .describedAs("The path of the service the rule applies to."))
            .add(
                    SchemaAttribute.number("rule_priority")
                            .withDefault(Value.number(100))
                            .describedAs("The rule's priority: lower numbers are matched first."),
                    "sequence_number")
            .add(SchemaAttribute.bool("enabled").withDefault(Value.TRUE))
            .add(SchemaAttribute.bool("logging").withDefault(Value.FALSE))
            .add(SchemaAttribute.string("firewall_match")
                    .withDefault(Value.string("BYPASS"))
                    .describedAs("MATCH_EXTERNAL_ADDRESS, MATCH_INTERNAL_ADDRESS or BYPASS."))
            .add(SchemaAttribute.of("scope", Type.set(Type.STRING))
                    .optionalComputed()
                    .describedAs("Paths of the interfaces or labels where the rule is enforced."))
            .add(SchemaAttribute.string("policy_based_vpn_mode")
                    .optionalComputed()
                    .describedAs("BYPASS or MATCH (DNAT and NO_DNAT only)."))
            .build();

    NatRule(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_nat_rule",
                        "A NAT rule of a gateway.",
                        "PolicyNatRule",
                        "{gateway_path}/nat/" + USER + "/nat-rules/{id}",
                        FIELDS),
                context);
    }

    /** The three network lists, each one comma-joined string field of NSX. */
    private static Fields.Builder<ObjectNode> networks(Fields.Builder<ObjectNode> builder) {
        for (String kind : List.of("source", "destination", "translated")) {
            String json = kind + "_network";
            builder.custom(
                    SchemaAttribute.of(kind + "_networks", Type.list(Type.STRING))
                            .optional()
                            .describedAs("The " + kind + " networks: addresses, ranges or CIDRs."),
                    (value, out) -> out.put(json, joined(value)),
                    out -> out.putNull(json),
                    in -> split(in.get(json)));
        }
        return builder;
    }

    private static String joined(Value list) {
        List<String> items = new ArrayList<>();
        list.elements().forEach(item -> items.add(item.asString()));
        return String.join(",", items);
    }

    private static Value split(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return Value.nullOf(Type.list(Type.STRING));
        }
        List<Value> items = new ArrayList<>();
        for (String item : node.asText().split(",")) {
            items.add(Value.string(item.trim()));
        }
        return Value.list(Type.STRING, items);
    }

    @Override
    public void validate(Value config) {
        Value action = config.getAttr("action");
        if (!action.isKnown() || action.isNull()) {
            return;
        }
        String name = action.asString();
        if (!WITHOUT_TRANSLATION.contains(name)
                && config.getAttr("translated_networks").isNull()) {
            throw new DiagnosticException(
                    "Missing translated_networks",
                    "A NAT rule with action " + name
                            + " needs translated_networks; only NO_SNAT and NO_DNAT rules translate nothing.",
                    AttributePath.of("translated_networks"));
        }
        if (!WITH_VPN_MODE.contains(name)
                && !config.getAttr("policy_based_vpn_mode").isNull()) {
            throw new DiagnosticException(
                    "policy_based_vpn_mode not allowed",
                    "policy_based_vpn_mode applies to " + "DNAT and NO_DNAT rules only, not to action " + name + ".",
                    AttributePath.of("policy_based_vpn_mode"));
        }
    }

    @Override
    public Value importState(String idOrPath) {
        Optional<Map<String, String>> parts = IN_SECTION.match(idOrPath);
        if (parts.isEmpty() || !parts.get().get("section").equals(NAT64)) {
            return super.importState(idOrPath);
        }
        // The section says which action the rule has, and the read needs it to find the rule.
        String inUserSection = idOrPath.replace("/nat/" + NAT64 + "/", "/nat/" + USER + "/");
        return with(super.importState(inUserSection), "action", Value.string(NAT64));
    }

    /** The rule lives in the section its action selects. */
    @Override
    protected String pathOf(Value state) {
        String section = section(state);
        return IN_SECTION.render(name -> name.equals("section") ? section : pathPart(state, name));
    }

    private static String section(Value state) {
        Value action = state.getAttr("action");
        return action.isKnown() && !action.isNull() && action.asString().equals(NAT64) ? NAT64 : USER;
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        Value customized = super.customizePlan(prior, planned, config);
        if (prior.isNull()
                || customized.isNull()
                || !customized.getAttr("action").isKnown()
                || section(prior).equals(section(customized))) {
            return customized;
        }
        // Another section is another path.
        return with(customized, "path", Value.unknown(Type.STRING));
    }

    /** A rule whose action moves it to another section is written there and removed from the old one. */
    @Override
    protected void write(String path, ObjectNode body, Value prior, Value planned) {
        super.write(path, body, prior, planned);
        if (prior != null && !pathOf(prior).equals(path)) {
            client.get().delete(pathOf(prior), Map.of());
        }
    }
}
