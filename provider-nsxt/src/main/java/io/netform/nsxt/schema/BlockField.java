package io.netform.nsxt.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.List;

/**
 * A nested block type whose blocks are JSON objects: an array of them for list and set nesting
 * (e.g. {@code subnet} → {@code subnets}), one object for single nesting, and one object for a list
 * of at most one block when {@code oneObject} is set (terraform-provider-nsxt's way of writing a
 * single nested object, e.g. {@code advanced_config}).
 */
record BlockField(NestedBlock block, String json, ObjectFields fields, boolean oneObject) implements Field {

    @Override
    public String name() {
        return block.typeName();
    }

    @Override
    public SchemaAttribute attribute() {
        return null;
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    @Override
    public void write(Value value, ObjectNode out) {
        if (block.nesting() == Nesting.SINGLE || block.nesting() == Nesting.GROUP) {
            out.set(json, fields.toJson(value));
            return;
        }
        if (oneObject) {
            if (value.length() > 0) {
                out.set(json, fields.toJson(value.elements().get(0)));
            }
            return;
        }
        ArrayNode array = out.putArray(json);
        for (Value item : value.elements()) {
            array.add(fields.toJson(item));
        }
    }

    @Override
    public void clear(ObjectNode out) {
        if (block.nesting() == Nesting.SINGLE || oneObject) {
            out.putNull(json);
        } else {
            out.putArray(json);
        }
    }

    @Override
    public Value read(JsonNode in) {
        JsonNode node = in.get(json);
        switch (block.nesting()) {
            case SINGLE:
            case GROUP:
                return node == null || !node.isObject() ? Value.nullOf(block.impliedType()) : fields.fromJson(node);
            default:
                List<Value> items = new ArrayList<>();
                if (oneObject) {
                    if (node != null && node.isObject()) {
                        items.add(fields.fromJson(node));
                    }
                } else if (node != null) {
                    node.forEach(item -> items.add(fields.fromJson(item)));
                }
                return block.nesting() == Nesting.SET
                        ? Value.set(block.block().impliedType(), items)
                        : Value.list(block.block().impliedType(), items);
        }
    }
}
