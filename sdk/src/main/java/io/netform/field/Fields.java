package io.netform.field;

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
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The fields of one schema block: they give the block (attributes and nested block types) and
 * convert the block's object values to the provider's JSON objects {@code O} and back.
 */
public final class Fields<O> {

    private final JsonObjects<O> objects;
    private final List<Field<O>> fields;

    private Fields(JsonObjects<O> objects, List<Field<O>> fields) {
        this.objects = objects;
        this.fields = List.copyOf(fields);
    }

    /** A builder with no fields yet, for JSON objects of the given form. */
    public static <O> Builder<O> builder(JsonObjects<O> objects) {
        return new Builder<>(objects);
    }

    /** Every field, in schema order. */
    public List<Field<O>> fields() {
        return fields;
    }

    /** The JSON form these fields write and read. */
    public JsonObjects<O> objects() {
        return objects;
    }

    /** The schema block these fields make. */
    public SchemaBlock block() {
        List<SchemaAttribute> attributes = new ArrayList<>();
        List<NestedBlock> blocks = new ArrayList<>();
        for (Field<O> field : fields) {
            if (field.attribute() != null) {
                attributes.add(field.attribute());
            } else {
                blocks.add(field.block());
            }
        }
        return new SchemaBlock(attributes, blocks, "");
    }

    /** Whether the attribute lives only in Netform's state (e.g. a parent path), never in the API's JSON. */
    public boolean isLocal(String name) {
        return fields.stream().anyMatch(field -> field.name().equals(name) && field.json() == null);
    }

    /** The JSON object for a value of the block: every writable field with a known, non-null value. */
    public O toJson(Value object) {
        O json = objects.create();
        for (Field<O> field : fields) {
            Value value = object.getAttr(field.name());
            // Nested blocks may hold computed attributes not known yet; their own fields skip those.
            boolean known = field.block() != null ? value.isKnown() : value.isWhollyKnown();
            if (field.isWritable() && !value.isNull() && known) {
                field.write(value, json);
            }
        }
        return json;
    }

    /** Adds to {@code json} what makes the API forget each field that {@code prior} had and {@code planned} drops. */
    public void clearRemoved(Value prior, Value planned, O json) {
        for (Field<O> field : fields) {
            if (field.isWritable() && absent(planned.getAttr(field.name())) && !absent(prior.getAttr(field.name()))) {
                field.clear(json);
            }
        }
    }

    /** Whether the value gives the API nothing: null, or (as a removed block is planned) an empty collection. */
    private static boolean absent(Value value) {
        return value.isNull() || value.isKnown() && value.type().isCollection() && value.length() == 0;
    }

    /** The block's value as the JSON object holds it; attributes kept only in state are null. */
    public Value fromJson(O json) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Field<O> field : fields) {
            values.put(field.name(), field.read(json));
        }
        return Value.object(values);
    }

    /** Collects fields. */
    public static final class Builder<O> {
        private final JsonObjects<O> objects;
        private final List<Field<O>> fields = new ArrayList<>();

        private Builder(JsonObjects<O> objects) {
            this.objects = objects;
        }

        /** An attribute held in the JSON member of the same name. */
        public Builder<O> add(SchemaAttribute attribute) {
            return add(attribute, attribute.name());
        }

        /** An attribute held in a JSON member of another name. */
        public Builder<O> add(SchemaAttribute attribute, String json) {
            fields.add(new ValueField<>(attribute, json, objects));
            return this;
        }

        /** A nested block type held in a JSON array (list, set) or object (single). */
        public Builder<O> block(Nesting nesting, String name, Fields<O> inner, String json) {
            return block(new NestedBlock(name, nesting, inner.block(), 0, 0), inner, json);
        }

        /** A nested block type with item limits. */
        public Builder<O> block(NestedBlock block, Fields<O> inner, String json) {
            fields.add(new BlockField<>(block, json, inner, false));
            return this;
        }

        /** A list of at most one block, held in one JSON object (e.g. {@code advanced_config}). */
        public Builder<O> oneObject(String name, Fields<O> inner, String json) {
            return oneObject(name, inner, json, false);
        }

        /** A list of at most one block, held in one JSON object; {@code required} asks for exactly one. */
        public Builder<O> oneObject(String name, Fields<O> inner, String json, boolean required) {
            NestedBlock block = new NestedBlock(name, Nesting.LIST, inner.block(), required ? 1 : 0, 1);
            fields.add(new BlockField<>(block, json, inner, true));
            return this;
        }

        /**
         * An attribute with its own conversions, named after the attribute; a null writer makes it
         * read-only.
         */
        public Builder<O> custom(
                SchemaAttribute attribute,
                BiConsumer<Value, O> writer,
                Consumer<O> clearer,
                Function<O, Value> reader) {
            return custom(attribute, attribute.name(), writer, clearer, reader);
        }

        /** An attribute with its own conversions, kept in the JSON member {@code json}; a null writer makes it read-only. */
        public Builder<O> custom(
                SchemaAttribute attribute,
                String json,
                BiConsumer<Value, O> writer,
                Consumer<O> clearer,
                Function<O, Value> reader) {
            fields.add(new CustomField<>(attribute, json, writer, clearer, reader));
            return this;
        }

        /**
         * An attribute kept only in Netform's state, never sent to the API: e.g. where the object
         * lives (the gateway of a NAT rule) or how long to wait; it comes back from the prior state.
         */
        public Builder<O> local(SchemaAttribute attribute) {
            fields.add(new CustomField<>(
                    attribute, null, (v, json) -> {}, json -> {}, json -> Value.nullOf(attribute.type())));
            return this;
        }

        /** A field made for another block, e.g. a kind's fields added to the resource's. */
        public Builder<O> field(Field<O> field) {
            fields.add(field);
            return this;
        }

        public Fields<O> build() {
            return new Fields<>(objects, fields);
        }
    }
}
