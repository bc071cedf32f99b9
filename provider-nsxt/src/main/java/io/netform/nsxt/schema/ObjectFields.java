package io.netform.nsxt.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The fields of one schema block: they give the block (attributes and nested block types) and
 * convert the block's object values to the NSX JSON object and back.
 */
public final class ObjectFields {

    private final List<Field> fields;
    private final Set<String> local;

    private ObjectFields(List<Field> fields, Set<String> local) {
        this.fields = List.copyOf(fields);
        this.local = Set.copyOf(local);
    }

    /** A builder with no fields yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every field, in schema order. */
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

    /** Whether the attribute lives only in Netform's state (e.g. a parent path), never in NSX's JSON. */
    public boolean isLocal(String name) {
        return local.contains(name);
    }

    /** The JSON object for a value of the block: every writable field with a known, non-null value. */
    public ObjectNode toJson(Value object) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (Field field : fields) {
            Value value = object.getAttr(field.name());
            // Nested blocks may hold computed attributes not known yet; their own fields skip those.
            boolean known = field.block() != null ? value.isKnown() : value.isWhollyKnown();
            if (field.isWritable() && !local.contains(field.name()) && !value.isNull() && known) {
                field.write(value, json);
            }
        }
        return json;
    }

    /** Adds to {@code json} what makes NSX forget each field that {@code prior} had and {@code planned} drops. */
    public void clearRemoved(Value prior, Value planned, ObjectNode json) {
        for (Field field : fields) {
            if (field.isWritable()
                    && !local.contains(field.name())
                    && absent(planned.getAttr(field.name()))
                    && !absent(prior.getAttr(field.name()))) {
                field.clear(json);
            }
        }
    }

    /** Whether the value gives NSX nothing: null, or (as a removed block is planned) an empty collection. */
    private static boolean absent(Value value) {
        return value.isNull() || value.isKnown() && value.type().isCollection() && value.length() == 0;
    }

    /** The block's value as the JSON object holds it; local attributes are null. */
    public Value fromJson(JsonNode json) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Field field : fields) {
            values.put(field.name(), field.read(json));
        }
        return Value.object(values);
    }

    /** Collects fields. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();
        private final Set<String> local = new java.util.HashSet<>();

        /** An attribute held in the JSON field of the same name. */
        public Builder add(SchemaAttribute attribute) {
            return add(attribute, attribute.name());
        }

        /** An attribute held in a JSON field of another name. */
        public Builder add(SchemaAttribute attribute, String json) {
            fields.add(new ValueField(attribute, json));
            return this;
        }

        /** A nested block type held in a JSON array (list, set) or object (single). */
        public Builder block(Nesting nesting, String name, ObjectFields inner, String json) {
            return block(new NestedBlock(name, nesting, inner.block(), 0, 0), inner, json);
        }

        /** A nested block type with item limits. */
        public Builder block(NestedBlock block, ObjectFields inner, String json) {
            fields.add(new BlockField(block, json, inner, false));
            return this;
        }

        /** A list of at most one block, held in one JSON object (e.g. {@code advanced_config}). */
        public Builder oneObject(String name, ObjectFields inner, String json) {
            NestedBlock block = new NestedBlock(name, Nesting.LIST, inner.block(), 0, 1);
            fields.add(new BlockField(block, json, inner, true));
            return this;
        }

        /** An attribute with its own conversions; a null writer makes it read-only. */
        public Builder custom(
                SchemaAttribute attribute,
                BiConsumer<Value, ObjectNode> writer,
                Consumer<ObjectNode> clearer,
                Function<JsonNode, Value> reader) {
            fields.add(new CustomField(attribute, writer, clearer, reader));
            return this;
        }

        /**
         * An attribute kept only in Netform's state: it names where the object lives (e.g. the
         * gateway of a NAT rule) and comes back from the prior state, not from NSX.
         */
        public Builder local(SchemaAttribute attribute) {
            local.add(attribute.name());
            fields.add(new CustomField(attribute, (v, json) -> {}, json -> {}, json -> Value.nullOf(attribute.type())));
            return this;
        }

        public ObjectFields build() {
            return new ObjectFields(fields, local);
        }
    }
}
