package io.netform.kubernetes.schema;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An attribute whose JSON form is not a plain copy, e.g. a port that is a number or a name; with
 * a null {@code json} it lives only in Netform's state (e.g. {@code wait_for_default_service_account}).
 */
record CustomField(
        SchemaAttribute attribute,
        String json,
        BiConsumer<Value, Map<String, Object>> writer,
        Function<Map<String, Object>, Value> reader)
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
    public void write(Value value, Map<String, Object> out) {
        writer.accept(value, out);
    }

    @Override
    public Value read(Map<String, Object> in) {
        return reader.apply(in);
    }
}
