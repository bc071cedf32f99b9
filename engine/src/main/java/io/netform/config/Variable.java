package io.netform.config;

import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import io.netform.value.Value;
import java.util.List;

/**
 * A {@code variable} block.
 *
 * @param defaultValue the default, or null when the variable is required
 * @param nullable     whether null may be given (when false, null means "use the default")
 */
public record Variable(String name, TypeConstraint type, Value defaultValue, String description, boolean sensitive,
        boolean nullable, List<Validation> validations, SourceRange range) {

    /** A {@code validation} block: a condition over the variable and the message shown when it is false. */
    public record Validation(Expression condition, Expression errorMessage, SourceRange range) {
    }

    public Variable {
        validations = List.copyOf(validations);
    }

    /** Whether a value must be given for this variable. */
    public boolean isRequired() {
        return defaultValue == null;
    }
}
