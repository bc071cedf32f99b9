package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.state.OutputState;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Output values for people: {@code name = value}, sensitive ones hidden unless asked for by name. */
final class HumanOutputView implements OutputView {

    private final Ui ui;

    HumanOutputView(Ui ui) {
        this.ui = ui;
    }

    @Override
    public int all(Map<String, OutputState> outputs) {
        if (outputs.isEmpty()) {
            new DiagnosticPrinter(ui, Map.of())
                    .print(List.of(Diagnostic.warning(
                            "No outputs found",
                            "The state file either has no outputs defined, or all the defined outputs are empty. Please "
                                    + "define an output in your configuration with the `output` keyword and run `netform "
                                    + "refresh` for it to become available. If you are using interpolation, please verify "
                                    + "the interpolated value is not empty. You can use the `netform console` command to "
                                    + "assist.",
                            null)));
            return 0;
        }
        int width = outputs.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, OutputState> e : outputs.entrySet()) {
            Optional<Value> v = OutputView.valueOf(ui, e.getKey(), e.getValue());
            if (v.isEmpty()) {
                return 1;
            }
            String shown = e.getValue().sensitive() ? "<sensitive>" : OutputValues.format(v.get(), 0);
            ui.out().println(DiffWriter.padRight(e.getKey(), width) + " = " + shown);
        }
        return 0;
    }

    @Override
    public int one(String name, OutputState output) {
        Optional<Value> v = OutputView.valueOf(ui, name, output);
        // Asking for one output by name shows it even when it is sensitive, as Terraform does.
        v.ifPresent(value -> ui.out().println(OutputValues.format(value, 0)));
        return v.isPresent() ? 0 : 1;
    }
}
