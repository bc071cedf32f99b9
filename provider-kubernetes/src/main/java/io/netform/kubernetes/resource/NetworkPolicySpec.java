package io.netform.kubernetes.resource;

import io.netform.kubernetes.schema.Fields;
import io.netform.kubernetes.schema.LabelSelectorFields;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;

/**
 * The {@code spec} of {@code kubernetes_network_policy_v1}, every block a list as in
 * terraform-provider-kubernetes: an empty {@code pod_selector {}} or {@code namespace_selector {}}
 * selects everything, an empty {@code ingress {}} rule allows everything, no rule allows nothing.
 */
final class NetworkPolicySpec {

    private NetworkPolicySpec() {}

    static Fields fields() {
        return Fields.builder()
                .oneObject("pod_selector", LabelSelectorFields.fields(), "podSelector", true)
                .add(
                        SchemaAttribute.of("policy_types", Type.list(Type.STRING))
                                .required()
                                .describedAs("Ingress, Egress or both."),
                        "policyTypes")
                .blocks(NestedBlock.list("ingress", rule("from").block()), rule("from"), "ingress")
                .blocks(NestedBlock.list("egress", rule("to").block()), rule("to"), "egress")
                .build();
    }

    private static Fields rule(String peers) {
        Fields peer = Fields.builder()
                .oneObject("ip_block", ipBlock(), "ipBlock", false)
                .oneObject("namespace_selector", LabelSelectorFields.fields(), "namespaceSelector", false)
                .oneObject("pod_selector", LabelSelectorFields.fields(), "podSelector", false)
                .build();
        return Fields.builder()
                .blocks(NestedBlock.list("ports", ports().block()), ports(), "ports")
                .blocks(NestedBlock.list(peers, peer.block()), peer, peers)
                .build();
    }

    private static Fields ipBlock() {
        return Fields.builder()
                .add(SchemaAttribute.string("cidr").optional().describedAs("The CIDR of the block."), "cidr")
                .add(
                        SchemaAttribute.of("except", Type.list(Type.STRING))
                                .optional()
                                .describedAs("CIDRs inside cidr to leave out."),
                        "except")
                .build();
    }

    private static Fields ports() {
        return Fields.builder()
                .custom(
                        SchemaAttribute.string("port").optional().describedAs("A port number or a named port."),
                        "port",
                        (value, json) -> json.put(
                                "port",
                                value.asString().matches("\\d+")
                                        ? (Object) Long.parseLong(value.asString())
                                        : value.asString()),
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
