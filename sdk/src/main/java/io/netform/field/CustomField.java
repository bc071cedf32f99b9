package io.netform.field;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An attribute whose JSON form is not a plain copy, e.g. {@code enable_firewall} ↔ {@code
 * !disable_firewall}, or a port that is a number or a name; a null {@code writer} makes it read-only,
 * a null {@code json} keeps it only in Netform's state.
 */
record CustomField<O>(
        SchemaAttribute attribute,
        String json,
        BiConsumer<Value, O> writer,
        Consumer<O> clearer,
        Function<O, Value> reader)
        implements Field<O> {

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
        return json != null && writer != null;
    }

    @Override
    public void write(Value value, O out) {
        writer.accept(value, out);
    }

    @Override
    public void clear(O out) {
        clearer.accept(out);
    }

    @Override
    public Value read(O in) {
        return reader.apply(in);
    }
}
