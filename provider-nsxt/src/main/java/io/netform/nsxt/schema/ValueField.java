package io.netform.nsxt.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;

/**
 * An attribute whose value (a primitive, or a list or set of primitives) is one JSON field of the
 * same shape, e.g. {@code failover_mode} or {@code route_advertisement_types}.
 */
record ValueField(SchemaAttribute attribute, String json) implements Field {

    @Override
    public String name() {
        return attribute.name();
    }

    @Override
    public NestedBlock block() {
        return null;
    }

    @Override
    public boolean isWritable() {
        return attribute.isRequired() || attribute.isOptional();
    }

    @Override
    public void write(Value value, ObjectNode out) {
        out.set(json, JsonValues.toJson(value));
    }

    @Override
    public void clear(ObjectNode out) {
        if (attribute.type().isCollection()) {
            out.putArray(json);
        } else {
            out.putNull(json);
        }
    }

    @Override
    public Value read(JsonNode in) {
        return JsonValues.fromJson(in.get(json), attribute.type());
    }
}
