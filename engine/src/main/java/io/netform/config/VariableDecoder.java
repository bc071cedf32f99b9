package io.netform.config;

import io.netform.hcl.Block;
import io.netform.hcl.Diagnostic;
import io.netform.value.ConversionException;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Decodes a {@code variable} block. */
final class VariableDecoder {

    private VariableDecoder() {}

    static Variable decode(String name, Block b, BodyContent c, List<Diagnostic> diagnostics) {
        TypeConstraint type = c.attribute("type")
                .map(a -> TypeConstraints.parse(a.expression(), diagnostics))
                .orElse(TypeConstraint.ANY);
        String description = c.attribute("description")
                .map(a -> Literals.string(a.expression(), "description", diagnostics))
                .orElse(null);
        boolean sensitive = c.attribute("sensitive")
                .map(a -> Literals.bool(a.expression(), "sensitive", false, diagnostics))
                .orElse(false);
        boolean nullable = c.attribute("nullable")
                .map(a -> Literals.bool(a.expression(), "nullable", true, diagnostics))
                .orElse(true);
        Value defaultValue = null;
        var defaultAttr = c.attribute("default");
        if (defaultAttr.isPresent()) {
            Value raw = Literals.constant(defaultAttr.get().expression(), "a variable default", diagnostics);
            if (raw != null) {
                try {
                    defaultValue = type.apply(raw);
                } catch (ConversionException e) {
                    diagnostics.add(Diagnostic.error(
                            "Invalid default value for variable",
                            "This default value is " + "not compatible with the variable's type constraint: "
                                    + e.getMessage() + ".",
                            defaultAttr.get().expression().range()));
                }
            }
        }
        List<Variable.Validation> validations = new ArrayList<>();
        for (Condition rule : ConditionDecoder.all(c.blocks(), "validation", diagnostics)) {
            validations.add(new Variable.Validation(rule.condition(), rule.errorMessage(), rule.range()));
        }
        return new Variable(
                name,
                type,
                c.attribute("type").isPresent(),
                defaultValue,
                description,
                sensitive,
                nullable,
                validations,
                b.labels().get(0).range());
    }
}
