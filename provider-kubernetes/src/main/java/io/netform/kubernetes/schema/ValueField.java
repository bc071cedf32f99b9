package io.netform.kubernetes.schema;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.Map;

/** An attribute held as the JSON field {@code json} in the same shape, e.g. {@code policy_types} ↔ {@code policyTypes}. */
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
    public void write(Value value, Map<String, Object> out) {
        out.put(json, PlainValues.toPlain(value));
    }

    @Override
    public Value read(Map<String, Object> in) {
        return PlainValues.fromPlain(in.get(json), attribute.type());
    }
}
