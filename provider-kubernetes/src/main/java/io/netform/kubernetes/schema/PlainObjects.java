package io.netform.kubernetes.schema;

import io.netform.field.JsonObjects;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes objects as parsed JSON (maps, lists, strings, numbers, booleans), as fabric8's generic
 * resources hold them, with primitives converted by {@link PlainValues}.
 */
public enum PlainObjects implements JsonObjects<Map<String, Object>> {
    OBJECTS;

    @Override
    public Map<String, Object> create() {
        return new LinkedHashMap<>();
    }

    @Override
    public void putValue(Map<String, Object> object, String member, Value value) {
        object.put(member, PlainValues.toPlain(value));
    }

    @Override
    public Value value(Map<String, Object> object, String member, Type type) {
        return PlainValues.fromPlain(object.get(member), type);
    }

    @Override
    public void putObject(Map<String, Object> object, String member, Map<String, Object> value) {
        object.put(member, value);
    }

    @Override
    public void putObjects(Map<String, Object> object, String member, List<Map<String, Object>> items) {
        object.put(member, new ArrayList<Object>(items));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(Map<String, Object> object, String member) {
        return object.get(member) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> objects(Map<String, Object> object, String member) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (object.get(member) instanceof List<?> list) {
            list.forEach(item -> items.add((Map<String, Object>) item));
        }
        return items;
    }

    @Override
    public void clear(Map<String, Object> object, String member, boolean collection) {
        object.put(member, collection ? new ArrayList<>() : null);
    }
}
