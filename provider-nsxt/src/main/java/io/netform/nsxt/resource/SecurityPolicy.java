package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.api.PolicyClient;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.UUID;

/**
 * {@code nsxt_policy_security_policy}: a distributed firewall section with its rules, written as
 * terraform-provider-nsxt writes it, in one hierarchical call (Infra → ChildDomain →
 * ChildSecurityPolicy → ChildRule) that carries only new and changed rules and marks removed
 * ones for delete.
 */
final class SecurityPolicy extends PolicyResource {

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .local(SchemaAttribute.string("domain")
                    .withDefault(Value.string("default"))
                    .forceNew()
                    .describedAs("The domain the policy belongs to."))
            .add(SchemaAttribute.string("category")
                    .required()
                    .forceNew()
                    .describedAs("Ethernet, Emergency, Infrastructure, Environment or Application."))
            .add(SchemaAttribute.number("sequence_number")
                    .withDefault(Value.number(0))
                    .describedAs("The policy's order within its category."))
            .add(SchemaAttribute.bool("stateful").withDefault(Value.TRUE))
            .add(SchemaAttribute.bool("tcp_strict")
                    .optionalComputed()
                    .describedAs("Require a TCP three-way handshake before data packets."))
            .add(SchemaAttribute.bool("locked").withDefault(Value.FALSE))
            .add(SchemaAttribute.string("comments").optional().describedAs("Comments on locking or unlocking."))
            .add(SchemaAttribute.of("scope", Type.set(Type.STRING))
                    .optional()
                    .describedAs("Group paths the policy's rules are applied to."))
            .block(NestedBlock.list("rule", PolicyRules.FIELDS.block()).withItems(0, 1000), PolicyRules.FIELDS, "rules")
            .build();

    SecurityPolicy(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_security_policy",
                        "A distributed firewall policy and its rules.",
                        "SecurityPolicy",
                        "/infra/domains/{domain}/security-policies/{id}",
                        FIELDS),
                context);
    }

    @Override
    public void validate(Value config) {
        PolicyRules.validateSequence(config.getAttr("rule"));
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        Value customized = super.customizePlan(prior, planned, config);
        if (customized.isNull()) {
            return customized;
        }
        return with(
                customized,
                "rule",
                PolicyRules.plan(
                        customized.getAttr("rule"),
                        config.getAttr("rule"),
                        prior.isNull() ? null : prior.getAttr("rule")));
    }

    @Override
    protected void write(String path, ObjectNode body, Value prior, Value planned) {
        // Rules are children of the policy here, not its inline list.
        body.remove("rules");
        ArrayNode rules = PolicyRules.children(
                planned.getAttr("rule"),
                prior == null ? null : prior.getAttr("rule"),
                () -> UUID.randomUUID().toString());
        body.set("children", rules);
        ObjectNode infra = PolicyClient.object().put("resource_type", "Infra");
        ObjectNode domain = infra.putArray("children")
                .addObject()
                .put("resource_type", "ChildDomain")
                .putObject("Domain")
                .put("resource_type", "Domain")
                .put("id", planned.getAttr("domain").asString());
        domain.putArray("children")
                .addObject()
                .put("resource_type", "ChildSecurityPolicy")
                .set("SecurityPolicy", body);
        client.get().patchInfra(infra, false);
    }
}
