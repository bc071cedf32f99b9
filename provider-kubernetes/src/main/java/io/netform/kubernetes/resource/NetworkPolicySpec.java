package io.netform.kubernetes.resource;

import io.netform.field.Fields;
import io.netform.kubernetes.schema.LabelSelectorFields;
import io.netform.kubernetes.schema.PlainObjects;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.Map;

/**
 * The {@code spec} of {@code kubernetes_network_policy_v1}, every block a list as in
 * terraform-provider-kubernetes: an empty {@code pod_selector {}} or {@code namespace_selector {}}
 * selects everything, an empty {@code ingress {}} rule allows everything, no rule allows nothing.
 */
final class NetworkPolicySpec {

    private NetworkPolicySpec() {}

    static Fields<Map<String, Object>> fields() {
        return Fields.builder(PlainObjects.OBJECTS)
                .oneObject("pod_selector", LabelSelectorFields.fields(), "podSelector", true)
                .add(
                        SchemaAttribute.of("policy_types", Type.list(Type.STRING))
                                .required()
                                .describedAs("Ingress, Egress or both."),
                        "policyTypes")
                .block(NestedBlock.list("ingress", rule("from").block()), rule("from"), "ingress")
                .block(NestedBlock.list("egress", rule("to").block()), rule("to"), "egress")
                .build();
    }

    private static Fields<Map<String, Object>> rule(String peers) {
        Fields<Map<String, Object>> peer = Fields.builder(PlainObjects.OBJECTS)
                .oneObject("ip_block", ipBlock(), "ipBlock", false)
                .oneObject("namespace_selector", LabelSelectorFields.fields(), "namespaceSelector", false)
                .oneObject("pod_selector", LabelSelectorFields.fields(), "podSelector", false)
                .build();
        return Fields.builder(PlainObjects.OBJECTS)
                .block(NestedBlock.list("ports", ports().block()), ports(), "ports")
                .block(NestedBlock.list(peers, peer.block()), peer, peers)
                .build();
    }

    private static Fields<Map<String, Object>> ipBlock() {
        return Fields.builder(PlainObjects.OBJECTS)
                .add(SchemaAttribute.string("cidr").optional().describedAs("The CIDR of the block."), "cidr")
                .add(
                        SchemaAttribute.of("except", Type.list(Type.STRING))
                                .optional()
                                .describedAs("CIDRs inside cidr to leave out."),
                        "except")
                .build();
    }

    private static Fields<Map<String, Object>> ports() {
        return Fields.builder(PlainObjects.OBJECTS)
                .custom(
                        SchemaAttribute.string("port").optional().describedAs("A port number or a named port."),
                        "port",
                        (value, json) -> json.put(
                                "port",
                                value.asString().matches("\\d+")
                                        ? (Object) Long.parseLong(value.asString())
                                        : value.asString()),
                        json -> json.put("port", null),
                        json -> json.get("port") == null
                                ? Value.nullOf(Type.STRING)
                                : Value.string(String.valueOf(json.get("port"))))
                .add(
                        SchemaAttribute.number("end_port")
                                .optional()
                                .describedAs("The last port of a range starting at port."),
                        "endPort")
                .add(
                        SchemaAttribute.string("protocol")
                                .withDefault(Value.string("TCP"))
                                .describedAs("TCP, UDP or SCTP."),
                        "protocol")
                .build();
    }
}
