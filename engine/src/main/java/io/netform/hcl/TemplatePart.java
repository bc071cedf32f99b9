package io.netform.hcl;

import java.util.List;
import java.util.Optional;

/** One piece of a {@link Expression.Template}; strip markers have already been applied to literals. */
public sealed interface TemplatePart {

    /** Where the part is written. */
    SourceRange range();

    /** Literal text, with escapes decoded. */
    record Literal(String text, SourceRange range) implements TemplatePart {}

    /** {@code ${expr}}: the expression's value converted to a string. */
    record Interpolation(Expression expression, SourceRange range) implements TemplatePart {}

    /** {@code %{if cond}...%{else}...%{endif}}; {@code elseParts} is empty without an else branch. */
    record If(Expression condition, List<TemplatePart> thenParts, List<TemplatePart> elseParts, SourceRange range)
            implements TemplatePart {
        /** Copies the branches so the node is immutable. */
        public If {
            thenParts = List.copyOf(thenParts);
            elseParts = List.copyOf(elseParts);
        }
    }

    /** {@code %{for k, v in coll}...%{endfor}}. */
    record ForDirective(
            Optional<String> keyVar, String valueVar, Expression collection, List<TemplatePart> body, SourceRange range)
            implements TemplatePart {
        /** Copies the body so the node is immutable. */
        public ForDirective {
            body = List.copyOf(body);
        }
    }
}
