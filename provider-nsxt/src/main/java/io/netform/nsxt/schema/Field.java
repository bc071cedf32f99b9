package io.netform.nsxt.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;

/** One attribute or nested block type of a schema and the NSX JSON field that holds it. */
public interface Field {

    /** The attribute's or block type's name in the schema. */
    String name();

    /** The schema attribute, or null when this field is a nested block type. */
    SchemaAttribute attribute();

    /** The nested block type, or null when this field is an attribute. */
    NestedBlock block();

    /** Whether the user sets it (so it is sent to NSX), as opposed to computed only. */
    boolean isWritable();

    /** Writes a known, non-null value of this field into the object's JSON. */
    void write(Value value, ObjectNode json);

    /** Writes what makes NSX forget the field, for a value the user removed. */
    void clear(ObjectNode json);

    /** The field's value as the object's JSON holds it; null of the field's type when absent. */
    Value read(JsonNode json);
}
