package io.netform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.core.Result;
import io.netform.hcl.Diagnostic;
import io.netform.json.ExactJson;

/** How {@code validate} shows its verdict: for people, or as Terraform's validate JSON (format 1.0). */
interface ValidateView {

    /** Shows the verdict on {@code validated}; returns the exit code. */
    int show(Result<?> validated);

    /** The view {@code json} asks for. */
    static ValidateView of(Ui ui, boolean json) {
        return json ? validated -> json(ui, validated) : validated -> human(ui, validated);
    }

    private static int human(Ui ui, Result<?> validated) {
        if (new DiagnosticPrinter(ui, validated.sources()).print(validated.diagnostics())) {
            return 1;
        }
        ui.out().println(ui.green(ui.bold("Success!")) + " The configuration is valid.");
        return 0;
    }

    private static int json(Ui ui, Result<?> validated) {
        long errors =
                validated.diagnostics().stream().filter(Diagnostic::isError).count();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("format_version", "1.0");
        out.put("valid", errors == 0);
        out.put("error_count", errors);
        out.put("warning_count", validated.diagnostics().size() - errors);
        ArrayNode list = out.putArray("diagnostics");
        validated.diagnostics().forEach(d -> list.add(JsonDiagnostic.encode(d, validated.sources())));
        try {
            ui.out().println(ExactJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        return errors == 0 ? 0 : 1;
    }
}
