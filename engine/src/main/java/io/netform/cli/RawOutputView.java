package io.netform.cli;

import io.netform.state.OutputState;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Map;
import java.util.Optional;

/** One output value as is ({@code -raw}): a string, number or bool without quotes or a newline, for scripts. */
final class RawOutputView implements OutputView {

    private final Ui ui;

    RawOutputView(Ui ui) {
        this.ui = ui;
    }

    /** -raw needs a name, which the command checks first; the whole list shows as people see it. */
    @Override
    public int all(Map<String, OutputState> outputs) {
        return new HumanOutputView(ui).all(outputs);
    }

    @Override
    public int one(String name, OutputState output) {
        Optional<Value> found = OutputView.valueOf(ui, name, output);
        if (found.isEmpty()) {
            return 1;
        }
        Value v = found.get();
        if (v.isNull()) {
            return OutputView.error(
                    ui,
                    "Unsupported value for raw output",
                    "The value for output value \"" + name + "\" is null, so -raw mode cannot print it.");
        }
        Type t = v.type();
        if (t != Type.STRING && t != Type.NUMBER && t != Type.BOOL) {
            return OutputView.error(
                    ui,
                    "Unsupported value for raw output",
                    "The -raw option only supports "
                            + "strings, numbers, and boolean values, but output value \"" + name + "\" is "
                            + t.friendlyName()
                            + ".\n\nUse the -json option for machine-readable representations of output "
                            + "values that have complex types.");
        }
        ui.out()
                .print(
                        t == Type.STRING
                                ? v.asString()
                                : t == Type.NUMBER ? v.asBigFloat().text() : Boolean.toString(v.asBoolean()));
        ui.out().flush();
        return 0;
    }
}
