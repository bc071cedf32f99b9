package io.netform.config;

import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import java.util.List;

/** An {@code output} block. */
public record Output(String name, Expression value, String description, boolean sensitive, List<Expression> dependsOn,
        SourceRange range) {
    public Output {
        dependsOn = List.copyOf(dependsOn);
    }
}
