package io.netform.config;

import io.netform.addrs.InstanceKey;
import io.netform.addrs.Resource;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.lang.Reference;
import io.netform.lang.References;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code lifecycle.replace_triggered_by}: a managed resource of the same module, or one
 * of its instances, or an attribute inside one, as Terraform allows them there.
 *
 * @param key           the literal instance key written, or null
 * @param repetitionKey whether the key is {@code count.index} or {@code each.key}: the triggering instance's own
 * @param path          the attribute path inside the instance, empty for the instance or resource itself
 * @param expression    the entry as written
 */
public record ReplaceTrigger(
        Resource resource, InstanceKey key, boolean repetitionKey, AttributePath path, Expression expression) {

    private static final Set<String> NOT_RESOURCES =
            Set.of("var", "local", "module", "data", "path", "terraform", "count", "each", "self");

    /**
     * The instance this entry names for the triggering instance whose key is {@code own}, or null
     * when it names every instance of the resource. As in Terraform, an attribute after an unkeyed
     * resource names its unkeyed instance.
     */
    public InstanceKey instance(InstanceKey own) {
        if (repetitionKey) {
            return own;
        }
        if (key != null) {
            return key;
        }
        return path.isRoot() ? null : InstanceKey.NONE;
    }

    /** Decodes {@code e}; null after reporting, in Terraform's words, why it is not such a reference. */
    static ReplaceTrigger decode(Expression e, List<Diagnostic> diagnostics) {
        List<Expression> chain = new ArrayList<>();
        Expression root = e;
        while (root instanceof Expression.GetAttr || root instanceof Expression.Index) {
            chain.add(0, root);
            root = root instanceof Expression.GetAttr g ? g.source() : ((Expression.Index) root).source();
        }
        if (!(root instanceof Expression.Identifier v)
                || chain.isEmpty()
                || !(chain.get(0) instanceof Expression.GetAttr name)) {
            return notATraversal(e, diagnostics);
        }
        if (NOT_RESOURCES.contains(v.name())) {
            diagnostics.add(Diagnostic.error(
                    "Invalid reference in replace_triggered_by expression",
                    "Only resources, " + "count.index, and each.key may be used in replace_triggered_by.",
                    e.range()));
            return null;
        }
        InstanceKey key = null;
        boolean repetitionKey = false;
        int next = 1;
        if (chain.size() > 1 && chain.get(1) instanceof Expression.Index index) {
            String repetition = repetitionReference(index.key());
            if (repetition != null && repetition.startsWith("each.") && !repetition.equals("each.key")) {
                diagnostics.add(Diagnostic.error(
                        "Invalid each reference in replace_triggered_by expression",
                        "Only each.key may be used in replace_triggered_by.",
                        e.range()));
                return null;
            }
            repetitionKey = "count.index".equals(repetition) || "each.key".equals(repetition);
            key = repetitionKey ? null : literalKey(index.key());
            if (!repetitionKey && key == null) {
                return unexpected(e, diagnostics);
            }
            next = 2;
        }
        AttributePath path = AttributePath.root();
        for (Expression step : chain.subList(next, chain.size())) {
            InstanceKey literal = step instanceof Expression.Index i ? literalKey(i.key()) : null;
            if (step instanceof Expression.GetAttr g) {
                path = path.attr(g.name());
            } else if (literal instanceof InstanceKey.CountIndex i) {
                path = path.index(i.value());
            } else if (literal instanceof InstanceKey.EachKey k) {
                path = path.key(k.value());
            } else {
                return unexpected(e, diagnostics);
            }
        }
        return new ReplaceTrigger(Resource.managed(v.name(), name.name()), key, repetitionKey, path, e);
    }

    /** {@code count.NAME} or {@code each.NAME} when {@code key} is such a reference, else null. */
    private static String repetitionReference(Expression key) {
        return key instanceof Expression.GetAttr g
                        && g.source() instanceof Expression.Identifier v
                        && (v.name().equals("count") || v.name().equals("each"))
                ? v.name() + "." + g.name()
                : null;
    }

    /** The instance key a literal stands for: a whole non-negative number or a string; else null. */
    private static InstanceKey literalKey(Expression key) {
        if (key instanceof Expression.NumberLiteral n) {
            BigDecimal i = n.value();
            return i.signum() >= 0
                            && i.stripTrailingZeros().scale() <= 0
                            && i.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    ? InstanceKey.of(i.intValue())
                    : null;
        }
        String s = literalString(key);
        return s == null ? null : InstanceKey.of(s);
    }

    /** The string a literal key expression stands for, or null when it is no string literal. */
    private static String literalString(Expression e) {
        Value v = Literals.constant(e, "a key", new ArrayList<>());
        return v != null && v.type() == Type.STRING && v.isKnown() && !v.isNull() ? v.asString() : null;
    }

    private static ReplaceTrigger notATraversal(Expression e, List<Diagnostic> diagnostics) {
        long resources = References.of(e).stream()
                .map(Reference::root)
                .filter(r -> !NOT_RESOURCES.contains(r))
                .count();
        if (resources != 1) {
            diagnostics.add(Diagnostic.error(
                    "Invalid replace_triggered_by expression",
                    resources == 0
                            ? "Missing resource reference in replace_triggered_by expression."
                            : "Multiple resource references in replace_triggered_by expression.",
                    e.range()));
            return null;
        }
        return unexpected(e, diagnostics);
    }

    private static ReplaceTrigger unexpected(Expression e, List<Diagnostic> diagnostics) {
        diagnostics.add(Diagnostic.error(
                "Invalid replace_triggered_by expression",
                "Unexpected expression found in " + "replace_triggered_by.",
                e.range()));
        return null;
    }
}
