package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.state.OutputState;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code output} shows output values: for people, as JSON ({@code -json}, sensitive values included)
 * or one value raw ({@code -raw}, for scripts); chosen once from the flags. Each returns the exit code.
 */
interface OutputView {

    /** The view the flags ask for. */
    static OutputView of(Ui ui, boolean json, boolean raw) {
        return json ? new JsonOutputView(ui) : raw ? new RawOutputView(ui) : new HumanOutputView(ui);
    }

    /** Shows every root output. */
    int all(Map<String, OutputState> outputs) throws Exception;

    /** Shows the output {@code name}. */
    int one(String name, OutputState output) throws Exception;

    /** Shows an error; returns the exit code 1. */
    static int error(Ui ui, String summary, String detail) {
        new DiagnosticPrinter(ui, Map.of()).print(List.of(Diagnostic.error(summary, detail, null)));
        return 1;
    }

    /** The output's value; empty after showing an error when state holds something its type cannot read. */
    static Optional<Value> valueOf(Ui ui, String name, OutputState output) {
        try {
            return Optional.of(CtyJson.fromNode(output.value(), TypeJson.fromNode(output.type())));
        } catch (CodecException e) {
            error(
                    ui,
                    "Invalid output value in state",
                    "The value of output \"" + name + "\" cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }
}
