package io.netform.field;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;

/** One attribute or nested block type of a schema and the member of a JSON object {@code O} that holds it. */
public sealed interface Field<O> permits ValueField, BlockField, CustomField {

    /** The attribute's or block type's name in the schema. */
    String name();

    /** The schema attribute, or null when this field is a nested block type. */
    SchemaAttribute attribute();

    /** The nested block type, or null when this field is an attribute. */
    NestedBlock block();

    /**
     * The JSON member it is kept in (for a custom mapping, the member its provider names for it),
     * or null when it lives only in Netform's state.
     */
    String json();

    /** Whether the user sets it (so it is sent to the API), as opposed to computed or kept only in state. */
    boolean isWritable();

    /** Writes a known, non-null value of this field into the object. */
    void write(Value value, O json);

    /** Writes what makes the API forget the field, for a value the user removed. */
    void clear(O json);

    /** The field's value as the object holds it; null of the field's type when absent. */
    Value read(O json);
}
