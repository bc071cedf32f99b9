package io.netform.lang;

import io.netform.hcl.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reference an expression makes to something outside itself: a root name ({@code var},
 * {@code nsxt_policy_segment}, {@code module}…) and the attribute names and literal keys that
 * follow it, such as {@code var.namespaces} or {@code nsxt_policy_segment.ns["web"].path}.
 */
public record Reference(String root, List<Traverser> steps, SourceRange range) {

    /** One step after the root. */
    public sealed interface Traverser permits Attr, Key {}

    /** {@code .name}. */
    public record Attr(String name) implements Traverser {
        @Override
        public String toString() {
            return "." + name;
        }
    }

    /** {@code [key]} with a literal key: a {@link String} or a {@link java.math.BigDecimal}. */
    public record Key(Object key) implements Traverser {
        public Key {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return key instanceof String s ? "[\"" + s + "\"]" : "[" + key + "]";
        }
    }

    public Reference {
        steps = List.copyOf(steps);
    }

    /** This reference with {@code step} appended, covering {@code to}. */
    Reference then(Traverser step, SourceRange to) {
        List<Traverser> next = new ArrayList<>(steps.size() + 1);
        next.addAll(steps);
        next.add(step);
        return new Reference(root, next, to);
    }

    /** The attribute name of step {@code i}, or null when there is none or it is a key. */
    public String attrAt(int i) {
        return i < steps.size() && steps.get(i) instanceof Attr a ? a.name() : null;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(root);
        steps.forEach(out::append);
        return out.toString();
    }
}
