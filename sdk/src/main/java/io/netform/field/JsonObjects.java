package io.netform.field;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.List;

/**
 * A provider's JSON objects of type {@code O} (e.g. Jackson nodes, or the maps of parsed JSON) and
 * how its primitive values are written into them and read back.
 */
public interface JsonObjects<O> {

    /** A new, empty object. */
    O create();

    /** Puts a known, non-null primitive or collection of primitives into the member. */
    void putValue(O object, String member, Value value);

    /** The member's value of the type; null of the type when the member is absent or null. */
    Value value(O object, String member, Type type);

    /** Puts an object into the member. */
    void putObject(O object, String member, O value);

    /** Puts an array of objects into the member. */
    void putObjects(O object, String member, List<O> items);

    /** The member's object, or null when the member is absent or not an object. */
    O object(O object, String member);

    /** The member's array of objects; empty when the member is absent. */
    List<O> objects(O object, String member);

    /** Puts what makes the API forget the member: an empty array for a collection, else null. */
    void clear(O object, String member, boolean collection);
}
