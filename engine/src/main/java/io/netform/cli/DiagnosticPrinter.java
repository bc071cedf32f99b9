package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.DiagnosticRenderer;
import java.util.List;
import java.util.Map;

/** Prints diagnostics the way users see them: place, summary, detail and the source snippet. */
final class DiagnosticPrinter {

    private final Ui ui;
    private final DiagnosticRenderer renderer = new DiagnosticRenderer();

    DiagnosticPrinter(Ui ui, Map<String, String> sources) {
        this.ui = ui;
        sources.forEach(renderer::withSource);
    }

    /** Prints every diagnostic to standard error; returns whether any was an error. */
    boolean print(List<Diagnostic> diagnostics) {
        boolean errors = false;
        for (Diagnostic d : diagnostics) {
            String text = renderer.render(d);
            String label = d.isError() ? ui.red(ui.bold("Error: ")) : "";
            ui.err().print("\n" + (d.subject() == null ? label + text : (d.isError() ? label : "") + text));
            errors |= d.isError();
        }
        return errors;
    }
}
