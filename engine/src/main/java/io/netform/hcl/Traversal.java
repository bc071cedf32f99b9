package io.netform.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * A static reference such as {@code module.net.ids[0]}: a root variable name followed by attribute
 * names and constant keys, as used for dependency edges, {@code depends_on} and addresses.
 */
public record Traversal(String root, List<TraversalStep> steps, SourceRange range) {
    /** Copies {@code steps} so the traversal is immutable. */
    public Traversal {
        steps = List.copyOf(steps);
    }

    /** This traversal extended by {@code step}, covering {@code newRange}. */
    Traversal then(TraversalStep step, SourceRange newRange) {
        List<TraversalStep> longer = new ArrayList<>(steps.size() + 1);
        longer.addAll(steps);
        longer.add(step);
        return new Traversal(root, longer, newRange);
    }

    /** The traversal written the way HCL writes it, e.g. {@code var.list[0]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(root);
        for (TraversalStep step : steps) {
            if (step instanceof TraversalStep.Attribute attribute) {
                out.append('.').append(attribute.name());
            } else if (step instanceof TraversalStep.StringKey key) {
                out.append("[\"").append(key.key()).append("\"]");
            } else if (step instanceof TraversalStep.NumberKey key) {
                out.append('[').append(key.key().toPlainString()).append(']');
            }
        }
        return out.toString();
    }
}
