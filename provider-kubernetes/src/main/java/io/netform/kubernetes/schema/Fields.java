package io.netform.kubernetes.schema;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The fields of one schema block: they make the block and convert its object values to a
 * Kubernetes JSON object (as parsed: maps, lists, strings, numbers, booleans) and back.
 */
public final class Fields {

    private final List<Field> fields;

    private Fields(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Field> fields() {
        return fields;
    }

    /** The schema block these fields make. */
    public SchemaBlock block() {
        List<SchemaAttribute> attributes = new ArrayList<>();
        List<NestedBlock> blocks = new ArrayList<>();
        for (Field field : fields) {
            if (field.attribute() != null) {
                attributes.add(field.attribute());
            } else {
                blocks.add(field.block());
            }
        }
        return new SchemaBlock(attributes, blocks, "");
    }

    /** The JSON object for a value of the block: every field kept in JSON with a known, non-null value. */
    public Map<String, Object> toJson(Value object) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Field field : fields) {
            Value value = object.getAttr(field.name());
            boolean known = field.block() != null ? value.isKnown() : value.isWhollyKnown();
            boolean writable = field.attribute() == null
                    || field.attribute().isOptional()
                    || field.attribute().isRequired();
            if (field.json() != null && writable && !value.isNull() && known) {
                field.write(value, json);
            }
        }
        return json;
    }

    /** The block's value as the JSON object holds it; attributes kept only in state are null. */
    public Value fromJson(Map<String, Object> json) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Field field : fields) {
            values.put(field.name(), field.read(json));
        }
        return Value.object(values);
    }

    /** Collects fields. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();

        /** An attribute held in the JSON field {@code json}. */
        public Builder add(SchemaAttribute attribute, String json) {
            fields.add(new ValueField(attribute, json));
            return this;
        }

        /** A list (or set) of blocks held in a JSON array. */
        public Builder blocks(NestedBlock block, Fields inner, String json) {
            fields.add(new BlockField(block, json, inner, false));
            return this;
        }

        /** A list of at most one block, held in one JSON object; {@code required} asks for exactly one. */
        public Builder oneObject(String name, Fields inner, String json, boolean required) {
            NestedBlock block = new NestedBlock(name, Nesting.LIST, inner.block(), required ? 1 : 0, 1);
            fields.add(new BlockField(block, json, inner, true));
            return this;
        }

        /** An attribute with its own conversions. */
        public Builder custom(
                SchemaAttribute attribute,
                String json,
                BiConsumer<Value, Map<String, Object>> writer,
                Function<Map<String, Object>, Value> reader) {
            fields.add(new CustomField(attribute, json, writer, reader));
            return this;
        }

        /** An attribute kept only in Netform's state, never sent to the API server. */
        public Builder local(SchemaAttribute attribute) {
            fields.add(new CustomField(attribute, null, (v, json) -> {}, json -> Value.nullOf(attribute.type())));
            return this;
        }

        /** A field made for another block, e.g. a kind's fields added to the resource's. */
        public Builder field(Field field) {
            fields.add(field);
            return this;
        }

        public Fields build() {
            return new Fields(fields);
        }
    }
}
