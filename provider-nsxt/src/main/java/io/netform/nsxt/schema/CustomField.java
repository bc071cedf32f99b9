package io.netform.nsxt.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/** An attribute whose JSON form is not a plain copy, e.g. {@code enable_firewall} ↔ {@code !disable_firewall}. */
record CustomField(
        SchemaAttribute attribute,
        BiConsumer<Value, ObjectNode> writer,
        Consumer<ObjectNode> clearer,
        Function<JsonNode, Value> reader)
        implements Field {

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
        return writer != null;
    }

    @Override
    public void write(Value value, ObjectNode json) {
        writer.accept(value, json);
    }

    @Override
    public void clear(ObjectNode json) {
        clearer.accept(json);
    }

    @Override
    public Value read(JsonNode json) {
        return reader.apply(json);
    }
}
