package io.netform.kubernetes.schema;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A nested block type: a JSON array of objects, or, for terraform-provider-kubernetes's list of at
 * most one block ({@code metadata}, {@code spec}, {@code pod_selector}), one JSON object.
 */
record BlockField(NestedBlock block, String json, Fields fields, boolean oneObject) implements Field {

    @Override
    public String name() {
        return block.typeName();
    }

    @Override
    public SchemaAttribute attribute() {
        return null;
    }

    @Override
    public void write(Value value, Map<String, Object> out) {
        if (oneObject) {
            if (value.length() > 0) {
                out.put(json, fields.toJson(value.elements().get(0)));
            }
            return;
        }
        List<Object> items = new ArrayList<>();
        value.elements().forEach(item -> items.add(fields.toJson(item)));
        out.put(json, items);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Value read(Map<String, Object> in) {
        Object node = in.get(json);
        List<Value> items = new ArrayList<>();
        if (oneObject && node instanceof Map<?, ?> object) {
            items.add(fields.fromJson((Map<String, Object>) object));
        } else if (!oneObject && node instanceof List<?> list) {
            list.forEach(item -> items.add(fields.fromJson((Map<String, Object>) item)));
        }
        return block.nesting() == Nesting.SET
                ? Value.set(block.block().impliedType(), items)
                : Value.list(block.block().impliedType(), items);
    }
}
