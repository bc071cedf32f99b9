package io.netform.hcl;

import java.util.ArrayList;
import java.util.List;

/** The direct sub-expressions of an expression node, for tree walks that treat most nodes alike. */
final class ExpressionChildren {
    private ExpressionChildren() {
    }

    /**
     * The sub-expressions of {@code e} in source order. Templates and for expressions yield none
     * here: their parts and the names they bind need the caller's own handling.
     */
    static List<Expression> of(Expression e) {
        if (e instanceof Expression.TemplateWrap w) {
            return List.of(w.inner());
        } else if (e instanceof Expression.GetAttr g) {
            return List.of(g.source());
        } else if (e instanceof Expression.Index i) {
            return List.of(i.source(), i.key());
        } else if (e instanceof Expression.Splat s) {
            return List.of(s.source(), s.each());
        } else if (e instanceof Expression.FunctionCall f) {
            return f.args();
        } else if (e instanceof Expression.Conditional c) {
            return List.of(c.condition(), c.trueResult(), c.falseResult());
        } else if (e instanceof Expression.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expression.Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Expression.Tuple t) {
            return t.elements();
        } else if (e instanceof Expression.ObjectCons o) {
            return objectChildren(o);
        } else if (e instanceof Expression.Parentheses p) {
            return List.of(p.inner());
        }
        return List.of();
    }

    private static List<Expression> objectChildren(Expression.ObjectCons o) {
        List<Expression> children = new ArrayList<>(o.items().size() * 2);
        for (ObjectItem item : o.items()) {
            if (item.key() instanceof ObjectKey.Computed computed) {
                children.add(computed.expression());
            }
            children.add(item.value());
        }
        return children;
    }
}
