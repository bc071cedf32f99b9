package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.DiagnosticRenderer;
import java.util.List;
import java.util.Map;

/**
 * Prints diagnostics the way users see them: place, summary, detail and the source snippet; or, with
 * -json, as {@code diagnostic} messages of the machine-readable UI.
 */
final class DiagnosticPrinter {

    private final Ui ui;
    private final DiagnosticRenderer renderer = new DiagnosticRenderer();
    private final Map<String, String> sources;
    private final JsonUiStream json;
    private final boolean compactWarnings;

    DiagnosticPrinter(Ui ui, Map<String, String> sources) {
        this(ui, sources, null, false);
    }

    /**
     * A printer that writes to {@code json} when it is not null, and that prints warnings without
     * errors as a list of their summaries when {@code compactWarnings} (-compact-warnings).
     */
    DiagnosticPrinter(Ui ui, Map<String, String> sources, JsonUiStream json, boolean compactWarnings) {
        this.ui = ui;
        this.sources = sources;
        this.json = json;
        this.compactWarnings = compactWarnings;
        sources.forEach(renderer::withSource);
    }

    /** Prints every diagnostic (to standard error, or to the JSON stream); returns whether any was an error. */
    boolean print(List<Diagnostic> diagnostics) {
        if (json != null) {
            diagnostics.forEach(d -> json.diagnostic(structured(d), sources));
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
        List<WarningGroup> shown = WarningGroup.consolidate(diagnostics);
        if (compactWarnings && !shown.isEmpty() && diagnostics.stream().noneMatch(Diagnostic::isError)) {
            printCompact(shown);
            return false;
        }
        boolean errors = false;
        for (WarningGroup group : shown) {
            Diagnostic d = group.diagnostic();
            errors |= d.isError();
            String text = renderer.render(d);
            String label = d.isError() ? ui.red(ui.bold("Error: ")) : "";
            ui.err().print("\n" + (d.subject() == null ? label + text : (d.isError() ? label : "") + text));
        }
        return errors;
    }

    /**
     * A message error ({@link io.netform.core.Result#message}) as the machine-readable UI gives it: its
     * first line the summary, the rest the detail.
     */
    private static Diagnostic structured(Diagnostic d) {
        int newline = d.summary().indexOf('\n');
        if (d.subject() != null
                || newline < 0
                || (d.detail() != null && !d.detail().isEmpty())) {
            return d;
        }
        return d.isError()
                ? Diagnostic.error(
                        d.summary().substring(0, newline),
                        d.summary().substring(newline + 1).strip(),
                        null)
                : d;
    }

    private void printCompact(List<WarningGroup> warnings) {
        StringBuilder out =
                new StringBuilder("\n").append(ui.yellow(ui.bold("Warnings:"))).append("\n\n");
        for (WarningGroup group : warnings) {
            Diagnostic d = group.first();
            out.append("- ").append(d.summary()).append('\n');
            if (d.subject() != null) {
                out.append("  on ")
                        .append(d.subject().file())
                        .append(" line ")
                        .append(d.subject().startLine())
                        .append(group.similar() > 0 ? " (and " + group.similar() + " more)" : "")
                        .append('\n');
            }
        }
        out.append("\nTo see the full warning notes, run Netform without -compact-warnings.\n");
        ui.err().print(out);
    }
}
