package io.netform.kubernetes.schema;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.Map;

/** One attribute or nested block type of a schema and the field of the Kubernetes JSON object that holds it. */
public sealed interface Field permits ValueField, BlockField, CustomField {

    /** The attribute's or block type's name in the schema. */
    String name();

    /** The schema attribute, or null when this field is a nested block type. */
    SchemaAttribute attribute();

    /** The nested block type, or null when this field is an attribute. */
    NestedBlock block();

    /** The JSON field it is kept in, or null when it lives only in Netform's state. */
    String json();

    /** Writes a known, non-null value of this field into the object's JSON. */
    void write(Value value, Map<String, Object> json);

    /** The field's value as the object's JSON holds it; null of the field's type when absent. */
    Value read(Map<String, Object> json);
}
