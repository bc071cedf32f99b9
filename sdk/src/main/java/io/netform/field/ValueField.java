package io.netform.field;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;

/**
 * An attribute whose value (a primitive, or a collection of them) is one JSON member of the same
 * shape, e.g. {@code failover_mode} or {@code policy_types} ↔ {@code policyTypes}.
 */
record ValueField<O>(SchemaAttribute attribute, String json, JsonObjects<O> objects) implements Field<O> {

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
    public void write(Value value, O out) {
        objects.putValue(out, json, value);
    }

    @Override
    public void clear(O out) {
        objects.clear(out, json, attribute.type().isCollection());
    }

    @Override
    public Value read(O in) {
        return objects.value(in, json, attribute.type());
    }
}
