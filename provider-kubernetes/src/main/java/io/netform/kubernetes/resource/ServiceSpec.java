package io.netform.kubernetes.resource;

import io.netform.field.Fields;
import io.netform.kubernetes.schema.PlainObjects;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} and the read-only {@code status} of {@code kubernetes_service_v1}, with
 * terraform-provider-kubernetes's names: {@code status[0].load_balancer[0].ingress[*].ip/hostname}.
 */
final class ServiceSpec {

    static final Type INGRESS = Type.object(Map.of("ip", Type.STRING, "hostname", Type.STRING));
    static final Type STATUS = Type.list(Type.object(
            Map.of("load_balancer", Type.list(Type.object(Map.of("ingress", Type.list(INGRESS)))))));

    private ServiceSpec() {}

    static Fields<Map<String, Object>> fields() {
        Fields<Map<String, Object>> port = Fields.builder(PlainObjects.OBJECTS)
                .add(SchemaAttribute.string("app_protocol").optional(), "appProtocol")
                .add(SchemaAttribute.string("name").optional(), "name")
                .add(SchemaAttribute.number("node_port").optionalComputed(), "nodePort")
                .add(SchemaAttribute.number("port").required().describedAs("The port the service serves."), "port")
                .add(SchemaAttribute.string("protocol").withDefault(Value.string("TCP")), "protocol")
                .custom(
                        SchemaAttribute.string("target_port")
                                .optionalComputed()
                                .describedAs("The pods' port: a number or a named port."),
                        "targetPort",
                        (value, json) -> json.put("targetPort", intOrName(value.asString())),
                        json -> json.put("targetPort", null),
                        json -> json.get("targetPort") == null
                                ? Value.nullOf(Type.STRING)
                                : Value.string(String.valueOf(json.get("targetPort"))))
                .build();
        Fields<Map<String, Object>> spec = Fields.builder(PlainObjects.OBJECTS)
                .add(
                        SchemaAttribute.bool("allocate_load_balancer_node_ports")
                                .optionalComputed(),
                        "allocateLoadBalancerNodePorts")
                .add(SchemaAttribute.string("cluster_ip").optionalComputed().forceNew(), "clusterIP")
                .add(
                        SchemaAttribute.of("cluster_ips", Type.list(Type.STRING))
                                .optionalComputed()
                                .forceNew(),
                        "clusterIPs")
                .add(SchemaAttribute.of("external_ips", Type.set(Type.STRING)).optional(), "externalIPs")
                .add(SchemaAttribute.string("external_name").optional(), "externalName")
                .add(SchemaAttribute.string("external_traffic_policy").optionalComputed(), "externalTrafficPolicy")
                .add(
                        SchemaAttribute.number("health_check_node_port")
                                .optionalComputed()
                                .forceNew(),
                        "healthCheckNodePort")
                .add(SchemaAttribute.of("ip_families", Type.list(Type.STRING)).optionalComputed(), "ipFamilies")
                .add(SchemaAttribute.string("ip_family_policy").optionalComputed(), "ipFamilyPolicy")
                .add(SchemaAttribute.string("load_balancer_class").optional().forceNew(), "loadBalancerClass")
                .add(SchemaAttribute.string("load_balancer_ip").optional(), "loadBalancerIP")
                .add(
                        SchemaAttribute.of("load_balancer_source_ranges", Type.set(Type.STRING))
                                .optional(),
                        "loadBalancerSourceRanges")
                .block(NestedBlock.list("port", port.block()), port, "ports")
                .add(SchemaAttribute.bool("publish_not_ready_addresses").optional(), "publishNotReadyAddresses")
                .add(SchemaAttribute.of("selector", Type.map(Type.STRING)).optional(), "selector")
                .add(SchemaAttribute.string("session_affinity").withDefault(Value.string("None")), "sessionAffinity")
                .add(
                        SchemaAttribute.string("type")
                                .withDefault(Value.string("ClusterIP"))
                                .describedAs("ClusterIP, NodePort, LoadBalancer or ExternalName."),
                        "type")
                .build();
        return Fields.builder(PlainObjects.OBJECTS)
                .oneObject("spec", spec, "spec", true)
                .local(SchemaAttribute.bool("wait_for_load_balancer")
                        .withDefault(Value.TRUE)
                        .describedAs("For type LoadBalancer, wait after create until it has an ingress address."))
                .custom(SchemaAttribute.of("status", STATUS).computed(), "status", null, null, ServiceSpec::status)
                .build();
    }

    private static Object intOrName(String port) {
        return port.matches("\\d+") ? (Object) Long.parseLong(port) : port;
    }

    /** The load balancer's ingress addresses from the service's JSON, as an empty list when it has none. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> ingress(Map<String, Object> service) {
        Map<String, Object> status = (Map<String, Object>) service.getOrDefault("status", Map.of());
        Map<String, Object> balancer =
                status == null ? Map.of() : (Map<String, Object>) status.getOrDefault("loadBalancer", Map.of());
        List<Map<String, Object>> ingress =
                balancer == null ? null : (List<Map<String, Object>>) balancer.get("ingress");
        return ingress == null ? List.of() : ingress;
    }

    private static Value status(Map<String, Object> service) {
        List<Value> addresses = new ArrayList<>();
        for (Map<String, Object> address : ingress(service)) {
            addresses.add(Value.object(Map.of(
                    "ip",
                            address.get("ip") == null
                                    ? Value.nullOf(Type.STRING)
                                    : Value.string((String) address.get("ip")),
                    "hostname",
                            address.get("hostname") == null
                                    ? Value.nullOf(Type.STRING)
                                    : Value.string((String) address.get("hostname")))));
        }
        Value balancer = Value.object(Map.of("ingress", Value.list(INGRESS, addresses)));
        return Value.list(List.of(Value.object(Map.of("load_balancer", Value.list(List.of(balancer))))));
    }
}
