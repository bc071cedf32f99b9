package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeMap;

/**
 * A digest of the fields Netform writes on a group, section or rule, taken alike from the JSON it
 * sends and from what NSX returns, so that the two are equal exactly when nobody changed those
 * fields. Fields NSX adds (revision, paths, owner, defaults Netform never sends) and ids (the key
 * already names the object) are left out.
 */
final class ObjectFingerprint {

    private static final Set<String> MANAGED = Set.of(
            "resource_type",
            "display_name",
            "tags",
            "scope",
            "tag",
            "expression",
            "expressions",
            "member_type",
            "key",
            "operator",
            "value",
            "conjunction_operator",
            "ip_addresses",
            "category",
            "sequence_number",
            "stateful",
            "action",
            "direction",
            "ip_protocol",
            "source_groups",
            "destination_groups",
            "services",
            "service_entries",
            "l4_protocol",
            "destination_ports");

    private ObjectFingerprint() {}

    /** The digest of the object's managed fields. */
    static String of(JsonNode object) {
        return ContentDigest.hex(managed(object).toString());
    }

    /** The managed fields only, object keys in sorted order at every level. */
    private static JsonNode managed(JsonNode node) {
        if (node.isArray()) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> items.add(managed(item)));
            return items;
        }
        if (!node.isObject()) {
            return node;
        }
        TreeMap<String, JsonNode> kept = new TreeMap<>();
        node.properties().forEach(field -> {
            if (MANAGED.contains(field.getKey())) {
                kept.put(field.getKey(), managed(field.getValue()));
            }
        });
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        kept.forEach(projected::set);
        return projected;
    }
}
