package io.netform.graph;

import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.Expression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every expression written in a body, nested blocks included, with the iterator names of the
 * {@code dynamic} blocks around it (references to those are not references to resources).
 */
final class BodyExpressions {

    /** An expression and the dynamic-block iterators in scope where it is written. */
    record Written(Expression expression, Set<String> iterators) {}

    private BodyExpressions() {}

    static List<Written> of(Body body) {
        List<Written> out = new ArrayList<>();
        collect(body, Set.of(), out);
        return out;
    }

    private static void collect(Body body, Set<String> iterators, List<Written> out) {
        for (Attribute a : body.attributes()) {
            out.add(new Written(a.expression(), iterators));
        }
        for (Block b : body.blocks()) {
            Set<String> inner = iterators;
            if (b.type().equals("dynamic") && b.labels().size() == 1) {
                inner = new HashSet<>(iterators);
                inner.add(iteratorName(b));
            }
            collect(b.body(), inner, out);
        }
    }

    private static String iteratorName(Block dynamic) {
        for (Attribute a : dynamic.body().attributes()) {
            if (a.name().equals("iterator") && a.expression() instanceof Expression.Identifier v) {
                return v.name();
            }
        }
        return dynamic.labels().get(0).value();
    }
}
