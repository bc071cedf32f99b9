package io.netform.config;

import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import java.util.List;

/**
 * An {@code output} block.
 *
 * @param preconditions checked before the value is taken; a failure is an error
 */
public record Output(
        String name,
        Expression value,
        String description,
        boolean sensitive,
        List<Expression> dependsOn,
        SourceRange range,
        List<Condition> preconditions) {
    public Output {
        dependsOn = List.copyOf(dependsOn);
        preconditions = List.copyOf(preconditions);
    }

    /** An output without preconditions. */
    public Output(
            String name,
            Expression value,
            String description,
            boolean sensitive,
            List<Expression> dependsOn,
            SourceRange range) {
        this(name, value, description, sensitive, dependsOn, range, List.of());
    }
}
