package io.netform.nsxt.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.JsonObjects;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;

/** NSX's JSON objects as Jackson nodes, with primitives converted by {@link JsonValues}. */
public enum JsonNodes implements JsonObjects<ObjectNode> {
    OBJECTS;

    @Override
    public ObjectNode create() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public void putValue(ObjectNode object, String member, Value value) {
        object.set(member, JsonValues.toJson(value));
    }

    @Override
    public Value value(ObjectNode object, String member, Type type) {
        return JsonValues.fromJson(object.get(member), type);
    }

    @Override
    public void putObject(ObjectNode object, String member, ObjectNode value) {
        object.set(member, value);
    }

    @Override
    public void putObjects(ObjectNode object, String member, List<ObjectNode> items) {
        object.putArray(member).addAll(items);
    }

    @Override
    public ObjectNode object(ObjectNode object, String member) {
        return object.get(member) instanceof ObjectNode node ? node : null;
    }

    @Override
    public List<ObjectNode> objects(ObjectNode object, String member) {
        List<ObjectNode> items = new ArrayList<>();
        JsonNode node = object.get(member);
        if (node != null) {
            // An item that is not an object reads as an object without members, every field null.
            node.forEach(item -> items.add(item instanceof ObjectNode itemObject ? itemObject : create()));
        }
        return items;
    }

    @Override
    public void clear(ObjectNode object, String member, boolean collection) {
        if (collection) {
            object.putArray(member);
        } else {
            object.putNull(member);
        }
    }

    /** The object of an NSX response: the node itself, or an object without members when it is not one. */
    public static ObjectNode asObject(JsonNode node) {
        return node instanceof ObjectNode object ? object : OBJECTS.create();
    }
}
