package io.netform.kubernetes.schema;

import io.netform.value.Type;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;

/** A label selector block: {@code match_labels} and {@code match_expressions { key operator values }}. */
public final class LabelSelectorFields {

    private LabelSelectorFields() {}

    public static Fields fields() {
        Fields expression = Fields.builder()
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
        return Fields.builder()
                .add(
                        SchemaAttribute.of("match_labels", Type.map(Type.STRING))
                                .optional()
                                .describedAs("Labels an object must all have."),
                        "matchLabels")
                .blocks(NestedBlock.list("match_expressions", expression.block()), expression, "matchExpressions")
                .build();
    }
}
