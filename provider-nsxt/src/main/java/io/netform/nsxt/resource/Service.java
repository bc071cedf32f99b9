package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code nsxt_policy_service}: a service made of entries of several kinds (L4 ports, ICMP, IP
 * protocol, ALG, ether type, IGMP, nested service), each kind a set of blocks; NSX holds them all in
 * one {@code service_entries} list told apart by resource_type. Created with PATCH and replaced
 * with PUT on update, as terraform-provider-nsxt does, so removed entries disappear.
 */
final class Service extends PolicyResource {

    static final Fields<ObjectNode> FIELDS = fields();

    Service(ResourceContext context) {
        super(
                PolicyObject.of(
                                "nsxt_policy_service",
                                "A service: the ports and protocols firewall rules match.",
                                "Service",
                                "/infra/services/{id}",
                                FIELDS)
                        .updatedWithPut(),
                context);
    }

    private static Fields<ObjectNode> fields() {
        Fields.Builder<ObjectNode> builder = CommonFields.builder();
        for (ServiceEntryKind kind : ServiceEntryKind.ALL) {
            builder.block(NestedBlock.set(kind.block(), kind.fields().block()), kind.fields(), kind.block());
        }
        return builder.build();
    }

    @Override
    protected ObjectNode body(Value planned, Value prior) {
        ObjectNode json = super.body(planned, prior);
        // Every kind's blocks travel in the one service_entries list.
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        for (ServiceEntryKind kind : ServiceEntryKind.ALL) {
            json.remove(kind.block());
            Value blocks = planned.getAttr(kind.block());
            for (Value block : blocks.isNull() ? List.<Value>of() : blocks.elements()) {
                entries.add(kind.toJson(block, UUID.randomUUID().toString()));
            }
        }
        json.set("service_entries", entries);
        return json;
    }

    @Override
    protected Value stateOf(ObjectNode json, Value base) {
        Map<String, Value> values =
                new LinkedHashMap<>(super.stateOf(json, base).asMap());
        for (ServiceEntryKind kind : ServiceEntryKind.ALL) {
            List<Value> blocks = new ArrayList<>();
            for (JsonNode entry : json.path("service_entries")) {
                if (entry.path("resource_type").asText().equals(kind.resourceType())) {
                    blocks.add(kind.fields().fromJson(JsonNodes.asObject(entry)));
                }
            }
            values.put(kind.block(), Value.set(kind.fields().block().impliedType(), blocks));
        }
        return Value.object(values);
    }
}
