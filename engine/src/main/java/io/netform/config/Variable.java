package io.netform.config;

import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import io.netform.lang.References;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code variable} block.
 *
 * @param defaultValue the default, or null when the variable is required
 * @param typeGiven    whether a {@code type} was written (without one, -var and environment values are strings)
 * @param nullable     whether null may be given (when false, null means "use the default")
 */
public record Variable(
        String name,
        TypeConstraint type,
        boolean typeGiven,
        Value defaultValue,
        String description,
        boolean sensitive,
        boolean nullable,
        List<Validation> validations,
        SourceRange range) {

    /** A {@code validation} block: a condition over the variable and the message shown when it is false. */
    public record Validation(Expression condition, Expression errorMessage, SourceRange range) {

        /** Whether the rule refers only to variable {@code name}, so it is checked as soon as the value is given. */
        public boolean refersOnlyTo(String name) {
            return Stream.of(condition, errorMessage)
                    .flatMap(e -> References.of(e).stream())
                    .allMatch(r -> r.root().equals("var") && name.equals(r.attrAt(0)));
        }
    }

    /** The validation rules that refer to other objects too (Terraform 1.9), checked once those are known. */
    public List<Validation> crossObjectValidations() {
        return validations.stream().filter(v -> !v.refersOnlyTo(name)).toList();
    }

    public Variable {
        validations = List.copyOf(validations);
    }

    /**
     * Whether a value given as text on the command line or in the environment is taken as a string,
     * rather than parsed as an HCL expression: when no type or a primitive type was declared.
     */
    public boolean takesRawText() {
        Type t = type.type();
        return !typeGiven || t == Type.STRING || t == Type.NUMBER || t == Type.BOOL;
    }

    /** Whether a value must be given for this variable. */
    public boolean isRequired() {
        return defaultValue == null;
    }
}
