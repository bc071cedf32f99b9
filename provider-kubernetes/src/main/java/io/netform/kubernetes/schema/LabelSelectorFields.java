package io.netform.kubernetes.schema;

import io.netform.field.Fields;
import io.netform.value.Type;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import java.util.Map;

/** A label selector block: {@code match_labels} and {@code match_expressions { key operator values }}. */
public final class LabelSelectorFields {

    private LabelSelectorFields() {}

    public static Fields<Map<String, Object>> fields() {
        Fields<Map<String, Object>> expression = Fields.builder(PlainObjects.OBJECTS)
                .add(SchemaAttribute.string("key").optional().describedAs("The label key."), "key")
                .add(
                        SchemaAttribute.string("operator").optional().describedAs("In, NotIn, Exists or DoesNotExist."),
                        "operator")
                .add(
                        SchemaAttribute.of("values", Type.set(Type.STRING))
                                .optional()
                                .describedAs("The values for In and NotIn."),
                        "values")
                .build();
        return Fields.builder(PlainObjects.OBJECTS)
                .add(
                        SchemaAttribute.of("match_labels", Type.map(Type.STRING))
                                .optional()
                                .describedAs("Labels an object must all have."),
                        "matchLabels")
                .block(NestedBlock.list("match_expressions", expression.block()), expression, "matchExpressions")
                .build();
    }
}
