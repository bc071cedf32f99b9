package io.netform.hcl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Static analysis of expressions: reading an expression as a traversal without evaluating it, and
 * listing the variables an expression refers to (what the dependency graph is built from).
 */
public final class StaticTraversals {
    private StaticTraversals() {
    }

    /**
     * The expression read as a static traversal ({@code a.b["c"][0]}); the keywords {@code true},
     * {@code false} and {@code null} read as traversals of those names. Empty for anything else.
     */
    public static Optional<Traversal> of(Expression expression) {
        if (expression instanceof Expression.BoolLiteral b) {
            return Optional.of(new Traversal(String.valueOf(b.value()), List.of(), b.range()));
        }
        if (expression instanceof Expression.NullLiteral n) {
            return Optional.of(new Traversal("null", List.of(), n.range()));
        }
        return Optional.ofNullable(traversal(expression));
    }

    /**
     * The traversals of the variables {@code expression} refers to, in source order, each as long
     * as it is static: {@code a.b[x].c} refers to {@code a.b} and to {@code x}. Names bound by
     * enclosing for expressions inside {@code expression} are not references.
     */
    public static List<Traversal> variables(Expression expression) {
        List<Traversal> found = new ArrayList<>();
        new VariableCollector(found).expression(expression, Set.of());
        return List.copyOf(found);
    }

    /** The static traversal {@code e} denotes, or null when it is not one. */
    static Traversal traversal(Expression e) {
        if (e instanceof Expression.Variable v) {
            return new Traversal(v.name(), List.of(), v.range());
        }
        if (e instanceof Expression.GetAttr g) {
            Traversal source = traversal(g.source());
            return source == null ? null : source.then(new TraversalStep.Attribute(g.name(), g.range()), g.range());
        }
        if (e instanceof Expression.Index i) {
            TraversalStep key = constantKey(i.key());
            Traversal source = key == null ? null : traversal(i.source());
            return source == null ? null : source.then(key, i.range());
        }
        return null;
    }

    private static TraversalStep constantKey(Expression key) {
        if (key instanceof Expression.NumberLiteral n) {
            return new TraversalStep.NumberKey(n.value(), n.range());
        }
        if (key instanceof Expression.Template t && t.parts().size() <= 1
                && t.parts().stream().allMatch(TemplatePart.Literal.class::isInstance)) {
            String text = t.parts().isEmpty() ? "" : ((TemplatePart.Literal) t.parts().get(0)).text();
            return new TraversalStep.StringKey(text, t.range());
        }
        return null;
    }

    /** Walks an expression tree collecting references, tracking names bound by for expressions. */
    private static final class VariableCollector {
        private final List<Traversal> found;

        VariableCollector(List<Traversal> found) {
            this.found = found;
        }

        void expression(Expression e, Set<String> locals) {
            Traversal traversal = traversal(e);
            if (traversal != null) {
                if (!locals.contains(traversal.root())) {
                    found.add(traversal);
                }
                return;
            }
            if (e instanceof Expression.For f) {
                forExpression(f, locals);
            } else if (e instanceof Expression.Template t) {
                parts(t.parts(), locals);
            } else {
                for (Expression child : ExpressionChildren.of(e)) {
                    expression(child, locals);
                }
            }
        }

        private void forExpression(Expression.For f, Set<String> locals) {
            expression(f.collection(), locals);
            Set<String> inner = bind(locals, f.keyVar().orElse(null), f.valueVar());
            f.keyResult().ifPresent(k -> expression(k, inner));
            expression(f.valueResult(), inner);
            f.condition().ifPresent(c -> expression(c, inner));
        }

        private void parts(List<TemplatePart> parts, Set<String> locals) {
            for (TemplatePart part : parts) {
                if (part instanceof TemplatePart.Interpolation i) {
                    expression(i.expression(), locals);
                } else if (part instanceof TemplatePart.If i) {
                    expression(i.condition(), locals);
                    parts(i.thenParts(), locals);
                    parts(i.elseParts(), locals);
                } else if (part instanceof TemplatePart.For f) {
                    expression(f.collection(), locals);
                    parts(f.body(), bind(locals, f.keyVar().orElse(null), f.valueVar()));
                }
            }
        }

        private static Set<String> bind(Set<String> locals, String keyVar, String valueVar) {
            Set<String> inner = new HashSet<>(locals);
            if (keyVar != null) {
                inner.add(keyVar);
            }
            inner.add(valueVar);
            return inner;
        }
    }
}
