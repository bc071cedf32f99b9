package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;

/**
 * The attributes every terraform-provider-nsxt policy resource has: id, nsx_id, display_name,
 * description, tag blocks, and the exported path and revision.
 */
public final class CommonFields {

    /** The tag block: an NSX tag, {@code scope} and {@code tag}. */
    public static final Fields<ObjectNode> TAG = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("scope").optional().describedAs("Tag scope (at most 128 characters)."))
            .add(SchemaAttribute.string("tag").optional().describedAs("Tag value (at most 256 characters)."))
            .build();

    private CommonFields() {}

    /** A builder that starts with the common attributes. */
    public static Fields.Builder<ObjectNode> builder() {
        return addTo(Fields.builder(JsonNodes.OBJECTS));
    }

    /** Adds the common attributes. */
    public static Fields.Builder<ObjectNode> addTo(Fields.Builder<ObjectNode> builder) {
        return builder.custom(
                        SchemaAttribute.string("id").computed().describedAs("The NSX ID of the object."),
                        null,
                        json -> {},
                        CommonFields::id)
                .custom(
                        SchemaAttribute.string("nsx_id")
                                .optionalComputed()
                                .forceNew()
                                .describedAs("The NSX ID to create the object with; a random UUID when unset."),
                        (value, json) -> {},
                        json -> {},
                        CommonFields::id)
                .add(SchemaAttribute.string("display_name").required().describedAs("Display name of the object."))
                .add(SchemaAttribute.string("description").optional().describedAs("Description of the object."))
                .block(NestedBlock.set("tag", TAG.block()).withItems(0, 30), TAG, "tags")
                .custom(
                        SchemaAttribute.string("path").computed().describedAs("The NSX policy path of the object."),
                        null,
                        json -> {},
                        json -> text(json, "path"))
                .custom(
                        SchemaAttribute.number("revision")
                                .computed()
                                .describedAs("The object's revision in NSX, which increases on every change."),
                        null,
                        json -> {},
                        json -> json.hasNonNull("_revision")
                                ? Value.number(json.get("_revision").asLong())
                                : Value.nullOf(io.netform.value.Type.NUMBER));
    }

    private static Value id(JsonNode json) {
        return text(json, "id");
    }

    private static Value text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? Value.nullOf(io.netform.value.Type.STRING) : Value.string(node.asText());
    }
}
