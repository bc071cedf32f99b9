package io.netform.field;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.List;

/**
 * A nested block type whose blocks are JSON objects: an array of them for list and set nesting
 * (e.g. {@code subnet} → {@code subnets}), one object for single nesting, and one object for a list
 * of at most one block when {@code oneObject} is set (the providers' way of writing one nested
 * object, e.g. {@code advanced_config}, {@code metadata} or {@code spec}).
 */
record BlockField<O>(NestedBlock block, String json, Fields<O> fields, boolean oneObject) implements Field<O> {

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
    public void write(Value value, O out) {
        if (single()) {
            fields.objects().putObject(out, json, fields.toJson(value));
            return;
        }
        if (oneObject) {
            if (value.length() > 0) {
                fields.objects()
                        .putObject(out, json, fields.toJson(value.elements().get(0)));
            }
            return;
        }
        List<O> items = new ArrayList<>();
        value.elements().forEach(item -> items.add(fields.toJson(item)));
        fields.objects().putObjects(out, json, items);
    }

    @Override
    public void clear(O out) {
        fields.objects().clear(out, json, !(block.nesting() == Nesting.SINGLE || oneObject));
    }

    @Override
    public Value read(O in) {
        if (single()) {
            O node = fields.objects().object(in, json);
            return node == null ? Value.nullOf(block.impliedType()) : fields.fromJson(node);
        }
        List<Value> items = new ArrayList<>();
        if (oneObject) {
            O node = fields.objects().object(in, json);
            if (node != null) {
                items.add(fields.fromJson(node));
            }
        } else {
            fields.objects().objects(in, json).forEach(item -> items.add(fields.fromJson(item)));
        }
        return block.nesting() == Nesting.SET
                ? Value.set(block.block().impliedType(), items)
                : Value.list(block.block().impliedType(), items);
    }

    private boolean single() {
        return block.nesting() == Nesting.SINGLE || block.nesting() == Nesting.GROUP;
    }
}
