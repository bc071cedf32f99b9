package io.netform.lang;

import io.netform.hcl.Expression;
import io.netform.hcl.ObjectItem;
import io.netform.hcl.ObjectKey;
import io.netform.hcl.TemplatePart;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the references an expression makes, without evaluating it, so that the engine can order
 * work by dependency and give each expression only the values it uses. Names bound by a
 * {@code for} inside the expression are not references.
 */
public final class References {

    private final List<Reference> found = new ArrayList<>();

    private References() {}

    /** Every reference in {@code expression}, each with the longest path that is known without evaluating. */
    public static List<Reference> of(Expression expression) {
        References refs = new References();
        refs.walk(expression, Set.of());
        return List.copyOf(refs.found);
    }

    private void walk(Expression e, Set<String> bound) {
        if (e instanceof Expression.Identifier || e instanceof Expression.GetAttr || e instanceof Expression.Index) {
            traversal(e, bound);
        } else if (e instanceof Expression.Template t) {
            parts(t.parts(), bound);
        } else if (e instanceof Expression.TemplateWrap w) {
            walk(w.inner(), bound);
        } else if (e instanceof Expression.Parentheses p) {
            walk(p.inner(), bound);
        } else if (e instanceof Expression.Splat s) {
            walk(s.source(), bound);
            walk(s.each(), bound);
        } else if (e instanceof Expression.FunctionCall c) {
            c.args().forEach(a -> walk(a, bound));
        } else if (e instanceof Expression.Conditional c) {
            walk(c.condition(), bound);
            walk(c.trueResult(), bound);
            walk(c.falseResult(), bound);
        } else if (e instanceof Expression.Binary b) {
            walk(b.left(), bound);
            walk(b.right(), bound);
        } else if (e instanceof Expression.Unary u) {
            walk(u.operand(), bound);
        } else if (e instanceof Expression.Tuple t) {
            t.elements().forEach(x -> walk(x, bound));
        } else if (e instanceof Expression.ObjectCons o) {
            for (ObjectItem item : o.items()) {
                if (item.key() instanceof ObjectKey.Computed k) {
                    walk(k.expression(), bound);
                }
                walk(item.value(), bound);
            }
        } else if (e instanceof Expression.For f) {
            walk(f.collection(), bound);
            Set<String> inner = bind(bound, f.keyVar().orElse(null), f.valueVar());
            f.keyResult().ifPresent(k -> walk(k, inner));
            walk(f.valueResult(), inner);
            f.condition().ifPresent(c -> walk(c, inner));
        }
    }

    private void parts(List<TemplatePart> parts, Set<String> bound) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Interpolation i) {
                walk(i.expression(), bound);
            } else if (part instanceof TemplatePart.If branch) {
                walk(branch.condition(), bound);
                parts(branch.thenParts(), bound);
                parts(branch.elseParts(), bound);
            } else if (part instanceof TemplatePart.ForDirective loop) {
                walk(loop.collection(), bound);
                parts(loop.body(), bind(bound, loop.keyVar().orElse(null), loop.valueVar()));
            }
        }
    }

    private void traversal(Expression e, Set<String> bound) {
        Reference whole = staticPath(e);
        if (whole != null) {
            if (!bound.contains(whole.root())) {
                found.add(whole);
            }
            return;
        }
        if (e instanceof Expression.GetAttr g) {
            walk(g.source(), bound);
        } else if (e instanceof Expression.Index i) {
            walk(i.source(), bound);
            walk(i.key(), bound);
        }
    }

    /** The reference {@code e} is when it is a variable followed only by attributes and literal keys; else null. */
    private static Reference staticPath(Expression e) {
        if (e instanceof Expression.Identifier v) {
            return new Reference(v.name(), List.of(), v.range());
        }
        if (e instanceof Expression.GetAttr g) {
            Reference source = staticPath(g.source());
            return source == null ? null : source.then(new Reference.Attr(g.name()), g.range());
        }
        if (e instanceof Expression.Index i) {
            Object key = literalKey(i.key());
            Reference source = key == null ? null : staticPath(i.source());
            return source == null ? null : source.then(new Reference.Key(key), i.range());
        }
        return null;
    }

    private static Object literalKey(Expression key) {
        if (key instanceof Expression.NumberLiteral n) {
            return n.value();
        }
        if (key instanceof Expression.Template t && t.parts().size() <= 1) {
            if (t.parts().isEmpty()) {
                return "";
            }
            return t.parts().get(0) instanceof TemplatePart.Literal l ? l.text() : null;
        }
        return null;
    }

    private static Set<String> bind(Set<String> bound, String key, String value) {
        Set<String> inner = new HashSet<>(bound);
        if (key != null) {
            inner.add(key);
        }
        inner.add(value);
        return inner;
    }
}
