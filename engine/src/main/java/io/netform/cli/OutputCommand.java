package io.netform.cli;

import io.netform.state.OutputState;
import io.netform.state.State;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform output [-json|-raw] [NAME]}: the root module's output values, from state. */
@Command(name = "output", description = "Show output values from your root module.")
final class OutputCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-json", description = "Print the output values as JSON, sensitive ones included.")
    private boolean json;

    @Option(
            names = "-raw",
            description = "Print the string, number or bool value of one output as is, "
                    + "without quotes or a newline, for use in scripts.")
    private boolean raw;

    @Option(
            names = "-state",
            paramLabel = "PATH",
            description = "The state file to read (default " + "terraform.tfstate, or the local backend's path).")
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
            return error(
                    "Output name required",
                    "You must give the name of a single output value when using the -raw option.");
        }
        OutputView view = OutputView.of(ui, json, raw);
        State read = StateSnapshot.of(netform, state, ui).read();
        if (read == null) {
            return 1;
        }
        Map<String, OutputState> outputs = read.outputs();
        if (name != null) {
            OutputState output = outputs.get(name);
            if (output == null) {
                return error(
                        "Output \"" + name + "\" not found",
                        "The output variable requested could not be "
                                + "found in the state file. If you recently added this to your configuration, be sure to "
                                + "run `netform apply`, since the state won't be updated with new output variables until "
                                + "that command is run.");
            }
            return view.one(name, output);
        }
        return view.all(outputs);
    }

    private int error(String summary, String detail) {
        return OutputView.error(ui, summary, detail);
    }
}
