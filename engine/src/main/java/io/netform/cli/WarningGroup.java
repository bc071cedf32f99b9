package io.netform.cli;

import io.netform.hcl.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnostic as the human views show it: a warning with a source position stands for every later warning
 * with the same summary, as Terraform's {@code ConsolidateWarnings(1)} folds them; {@code -json} shows each.
 */
final class WarningGroup {

    private final Diagnostic first;
    private int similar;

    private WarningGroup(Diagnostic first) {
        this.first = first;
    }

    /** The diagnostics in order, each warning with a position followed by the later ones with its summary. */
    static List<WarningGroup> consolidate(List<Diagnostic> diagnostics) {
        List<WarningGroup> out = new ArrayList<>();
        Map<String, WarningGroup> bySummary = new HashMap<>();
        for (Diagnostic d : diagnostics) {
            // Only warnings about configuration fold: a warning without a place is usually said once anyway.
            if (d.isError() || d.subject() == null) {
                out.add(new WarningGroup(d));
                continue;
            }
            WarningGroup group = bySummary.get(d.summary());
            if (group != null) {
                group.similar++;
                continue;
            }
            group = new WarningGroup(d);
            bySummary.put(d.summary(), group);
            out.add(group);
        }
        return out;
    }

    /** The first diagnostic of the group, as it was reported. */
    Diagnostic first() {
        return first;
    }

    /** How many later warnings with the same summary this one stands for. */
    int similar() {
        return similar;
    }

    /** The first diagnostic, its detail ending with how many similar warnings it stands for. */
    Diagnostic diagnostic() {
        if (similar == 0) {
            return first;
        }
        String note = similar == 1
                ? "(and one more similar warning elsewhere)"
                : "(and " + similar + " more similar warnings elsewhere)";
        String detail = first.detail() == null || first.detail().isEmpty() ? note : first.detail() + "\n\n" + note;
        return Diagnostic.warning(first.summary(), detail, first.subject());
    }
}
