package io.netform.lang;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The key/value pairs a {@code for} visits: index and element of a sequence, key and value of a map, element twice for a set. */
final class Iteration {

    /** One visited pair. */
    record Entry(Value key, Value value) {}

    private Iteration() {}

    /** Whether {@code type} can be iterated. */
    static boolean iterable(Type type) {
        return type instanceof Type.ListType
                || type instanceof Type.SetType
                || type instanceof Type.TupleType
                || type instanceof Type.MapType
                || type instanceof Type.ObjectType;
    }

    /** The pairs of a known, non-null iterable value; each carries the collection's marks. */
    static List<Entry> entries(Value collection) {
        Type t = collection.type();
        List<Entry> entries = new ArrayList<>();
        if (t instanceof Type.MapType || t instanceof Type.ObjectType) {
            for (Map.Entry<String, Value> e : collection.asMap().entrySet()) {
                entries.add(new Entry(
                        Value.string(e.getKey()).withMarks(collection.marks()),
                        e.getValue().withMarks(collection.marks())));
            }
        } else {
            List<Value> elements = collection.elements();
            boolean set = t instanceof Type.SetType;
            for (int i = 0; i < elements.size(); i++) {
                Value element = elements.get(i).withMarks(collection.marks());
                entries.add(new Entry(set ? element : Value.number(i).withMarks(collection.marks()), element));
            }
        }
        return entries;
    }
}
