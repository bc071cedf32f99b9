package io.netform.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An expression of the HCL native syntax. The set of node types is closed (the nested records are
 * all of them), so an evaluator dispatching on them is complete; every node knows its source range.
 */
public sealed interface Expression {

    /** Where the expression is written. */
    SourceRange range();

    /** A number literal, kept exact. */
    record NumberLiteral(BigDecimal value, SourceRange range) implements Expression {}

    /** {@code true} or {@code false}. */
    record BoolLiteral(boolean value, SourceRange range) implements Expression {}

    /** {@code null}. */
    record NullLiteral(SourceRange range) implements Expression {}

    /**
     * A quoted string, heredoc or template file: its parts concatenated into a string. A plain
     * string literal is a template with a single {@link TemplatePart.Literal} (or no part when empty).
     */
    record Template(List<TemplatePart> parts, SourceRange range) implements Expression {
        /** Copies {@code parts} so the node is immutable. */
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /**
     * A template made of a single interpolation and nothing else, such as {@code "${var.x}"}: its
     * value is the inner expression's value, unconverted.
     */
    record TemplateWrap(Expression inner, SourceRange range) implements Expression {}

    /** A reference to a variable in scope, such as {@code var} or {@code each}. */
    record Identifier(String name, SourceRange range) implements Expression {}

    /** Attribute access {@code source.name}. */
    record GetAttr(Expression source, String name, SourceRange range) implements Expression {}

    /** Index access {@code source[key]}; {@code legacy} marks the HIL form {@code source.0}. */
    record Index(Expression source, Expression key, boolean legacy, SourceRange range) implements Expression {}

    /**
     * A splat ({@code source.*.a} or {@code source[*].a[0]}): {@code each} is evaluated for every
     * element of {@code source}, with {@link SplatItem} standing for the element.
     */
    record Splat(Expression source, Expression each, SourceRange range) implements Expression {}

    /** The element currently visited by the innermost enclosing {@link Splat}. */
    record SplatItem(SourceRange range) implements Expression {}

    /** A call {@code name(args...)}; {@code expandFinal} when the last argument is followed by {@code ...}. */
    record FunctionCall(
            String name, List<Expression> args, boolean expandFinal, SourceRange nameRange, SourceRange range)
            implements Expression {
        /** Copies {@code args} so the node is immutable. */
        public FunctionCall {
            args = List.copyOf(args);
        }
    }

    /** {@code condition ? trueResult : falseResult}. */
    record Conditional(Expression condition, Expression trueResult, Expression falseResult, SourceRange range)
            implements Expression {}

    /** A binary operation. */
    record Binary(BinaryOperator operator, Expression left, Expression right, SourceRange range)
            implements Expression {}

    /** A unary operation. */
    record Unary(UnaryOperator operator, Expression operand, SourceRange range) implements Expression {}

    /** A tuple constructor {@code [a, b]}. */
    record Tuple(List<Expression> elements, SourceRange range) implements Expression {
        /** Copies {@code elements} so the node is immutable. */
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** An object constructor {@code {a = 1, (k) = 2}}. */
    record ObjectCons(List<ObjectItem> items, SourceRange range) implements Expression {
        /** Copies {@code items} so the node is immutable. */
        public ObjectCons {
            items = List.copyOf(items);
        }
    }

    /**
     * A for expression. A tuple {@code for} has no {@code keyResult}; an object {@code for} has one
     * and may group values with {@code ...}.
     */
    record For(
            Optional<String> keyVar,
            String valueVar,
            Expression collection,
            Optional<Expression> keyResult,
            Expression valueResult,
            Optional<Expression> condition,
            boolean grouping,
            SourceRange range)
            implements Expression {
        /** True when the expression builds an object ({@code {for ...}}). */
        public boolean producesObject() {
            return keyResult.isPresent();
        }
    }

    /** An expression in parentheses; its value is the inner value. */
    record Parentheses(Expression inner, SourceRange range) implements Expression {}

    /** A placeholder where the parser reported a syntax error and recovered. */
    record Invalid(SourceRange range) implements Expression {}
}
