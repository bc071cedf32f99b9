package io.netform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.hcl.Diagnostic;
import io.netform.state.OutputState;
import io.netform.state.State;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform output [-json|-raw] [NAME]}: the root module's output values, from state. */
@Command(name = "output", description = "Show output values from your root module.")
final class OutputCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = CtyJson.exactNumbers().enable(SerializationFeature.INDENT_OUTPUT).build();

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-json", description = "Print the output values as JSON, sensitive ones included.")
    private boolean json;

    @Option(names = "-raw", description = "Print the string, number or bool value of one output as is, "
            + "without quotes or a newline, for use in scripts.")
    private boolean raw;

    @Option(names = "-state", paramLabel = "PATH", description = "The state file to read (default "
            + "terraform.tfstate, or the local backend's path).")
    private Path state;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The output to show (default: all of them).")
    private String name;

    private Ui ui;

    @Override
    public Integer call() throws Exception {
        ui = noColor ? netform.ui().withoutColor() : netform.ui();
        if (raw && json) {
            return error("Invalid output format", "The -raw and -json options are mutually-exclusive.");
        }
        if (raw && name == null) {
            return error("Output name required",
                    "You must give the name of a single output value when using the -raw option.");
        }
        State read = StateSnapshot.of(netform, state, ui).read();
        if (read == null) {
            return 1;
        }
        Map<String, OutputState> outputs = read.outputs();
        if (name != null) {
            OutputState output = outputs.get(name);
            if (output == null) {
                return error("Output \"" + name + "\" not found", "The output variable requested could not be "
                        + "found in the state file. If you recently added this to your configuration, be sure to "
                        + "run `netform apply`, since the state won't be updated with new output variables until "
                        + "that command is run.");
            }
            return one(output);
        }
        return all(outputs);
    }

    private int all(Map<String, OutputState> outputs) throws Exception {
        if (json) {
            ObjectNode document = JSON.createObjectNode();
            outputs.forEach((key, output) -> document.set(key, jsonOf(output)));
            ui.out().println(JSON.writeValueAsString(document));
            return 0;
        }
        if (outputs.isEmpty()) {
            new DiagnosticPrinter(ui, Map.of()).print(List.of(Diagnostic.warning("No outputs found",
                    "The state file either has no outputs defined, or all the defined outputs are empty. Please "
                            + "define an output in your configuration with the `output` keyword and run `netform "
                            + "refresh` for it to become available. If you are using interpolation, please verify "
                            + "the interpolated value is not empty. You can use the `netform console` command to "
                            + "assist.", null)));
            return 0;
        }
        int width = outputs.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, OutputState> e : outputs.entrySet()) {
            Value v = valueOf(e.getKey(), e.getValue());
            if (v == null) {
                return 1;
            }
            String shown = e.getValue().sensitive() ? "<sensitive>" : OutputValues.format(v, 0);
            ui.out().println(DiffWriter.padRight(e.getKey(), width) + " = " + shown);
        }
        return 0;
    }

    private int one(OutputState output) throws Exception {
        if (json) {
            ui.out().println(JSON.writeValueAsString(output.value()));
            return 0;
        }
        Value v = valueOf(name, output);
        if (v == null) {
            return 1;
        }
        if (!raw) {
            // Asking for one output by name shows it even when it is sensitive, as Terraform does.
            ui.out().println(OutputValues.format(v, 0));
            return 0;
        }
        if (v.isNull()) {
            return error("Unsupported value for raw output", "The value for output value \"" + name
                    + "\" is null, so -raw mode cannot print it.");
        }
        Type t = v.type();
        if (t != Type.STRING && t != Type.NUMBER && t != Type.BOOL) {
            return error("Unsupported value for raw output", "The -raw option only supports strings, numbers, and "
                    + "boolean values, but output value \"" + name + "\" is " + t.friendlyName() + ".\n\n"
                    + "Use the -json option for machine-readable representations of output values that have "
                    + "complex types.");
        }
        ui.out().print(t == Type.STRING ? v.asString() : t == Type.NUMBER ? v.asBigFloat().text()
                : Boolean.toString(v.asBoolean()));
        ui.out().flush();
        return 0;
    }

    /** One output as {@code output -json} writes it, its value included even when sensitive. */
    static ObjectNode jsonOf(OutputState output) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sensitive", output.sensitive());
        o.set("type", output.type());
        o.set("value", output.value());
        return o;
    }

    /** The output's value; null after printing an error when state holds something its type cannot read. */
    private Value valueOf(String key, OutputState output) {
        try {
            return CtyJson.fromNode(output.value(), TypeJson.fromNode(output.type()));
        } catch (CodecException e) {
            error("Invalid output value in state", "The value of output \"" + key + "\" cannot be read: "
                    + e.getMessage());
            return null;
        }
    }

    private int error(String summary, String detail) {
        new DiagnosticPrinter(ui, Map.of()).print(List.of(Diagnostic.error(summary, detail, null)));
        return 1;
    }
}
