package io.netform.hcl;

/** The key of an {@link ObjectItem}: a bare identifier names the attribute literally, anything else is evaluated. */
public sealed interface ObjectKey {

    /** Where the key is written. */
    SourceRange range();

    /** A bare identifier such as {@code name} in {@code {name = 1}}: the literal attribute name. */
    record Name(String name, SourceRange range) implements ObjectKey {}

    /** A key computed from an expression: a string, a parenthesised expression or a traversal. */
    record Computed(Expression expression) implements ObjectKey {
        @Override
        public SourceRange range() {
            return expression.range();
        }
    }
}
