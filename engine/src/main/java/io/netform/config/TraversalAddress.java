package io.netform.config;

import io.netform.addrs.AddressException;
import io.netform.addrs.AddressParser;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.TemplatePart;
import java.util.List;

/**
 * An address written as a bare reference in a {@code moved}, {@code import} or {@code removed} block,
 * such as {@code module.net["a"].testing_object.web[0]}, read into an address.
 *
 * @param target     what the reference names
 * @param dynamicKey the last index when it is not a constant (an import's {@code [each.key]}); {@code target}
 *                   then names the resource without it. Null otherwise.
 */
record TraversalAddress(AddressParser.Target target, Expression dynamicKey) {

    /**
     * Reads {@code e}; null after reporting why it is not an address.
     *
     * @param dynamicLastKey whether the last index may be an expression rather than a constant
     */
    static TraversalAddress read(Expression e, String what, boolean dynamicLastKey, List<Diagnostic> diagnostics) {
        Expression key = null;
        Expression path = e;
        if (dynamicLastKey && e instanceof Expression.Index i && constantKey(i.key()) == null) {
            key = i.key();
            path = i.source();
        }
        StringBuilder text = new StringBuilder();
        if (!append(path, text)) {
            diagnostics.add(invalid(
                    what,
                    "The " + what + " must be a resource, resource instance or module address "
                            + "written as a reference without quotes, such as testing_object.a or module.net, with constant "
                            + "instance keys.",
                    e));
            return null;
        }
        try {
            return new TraversalAddress(AddressParser.parse(text.toString()), key);
        } catch (AddressException ex) {
            diagnostics.add(
                    invalid(what, "The " + what + " " + text + " is not a valid address: " + ex.getMessage() + ".", e));
            return null;
        }
    }

    /** The reference {@code e} written as text ({@code var.a}, {@code x.y[0]}), or null when it is not one. */
    static String text(Expression e) {
        StringBuilder out = new StringBuilder();
        return append(e, out) ? out.toString() : null;
    }

    private static Diagnostic invalid(String what, String detail, Expression e) {
        return Diagnostic.error("Invalid " + what, detail, e.range());
    }

    private static boolean append(Expression e, StringBuilder out) {
        if (e instanceof Expression.Identifier v) {
            out.append(v.name());
            return true;
        }
        if (e instanceof Expression.GetAttr g) {
            if (!append(g.source(), out)) {
                return false;
            }
            out.append('.').append(g.name());
            return true;
        }
        if (e instanceof Expression.Index i) {
            String key = constantKey(i.key());
            if (key == null || !append(i.source(), out)) {
                return false;
            }
            out.append('[').append(key).append(']');
            return true;
        }
        return false;
    }

    /** A constant key as an address writes it ({@code 0} or {@code "a"}), or null. */
    private static String constantKey(Expression key) {
        if (key instanceof Expression.NumberLiteral n) {
            return n.value().stripTrailingZeros().toPlainString();
        }
        if (key instanceof Expression.Template t
                && t.parts().size() <= 1
                && t.parts().stream().allMatch(p -> p instanceof TemplatePart.Literal)) {
            String s =
                    t.parts().isEmpty() ? "" : ((TemplatePart.Literal) t.parts().get(0)).text();
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return null;
    }
}
