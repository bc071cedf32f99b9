package io.netform.cli;

import io.netform.config.VariableInputs;
import io.netform.plan.Plan;
import io.netform.plan.PlanResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform console}: evaluates expressions typed (or piped) on standard input against the
 * configuration and the current workspace's state, as Terraform's console does. Resources have the
 * values the state records (not read again from their providers); those not created yet are unknown.
 */
@Command(name = "console", description = "Evaluate expressions against the configuration and the state, one per "
        + "line (or several lines while brackets are open); exit or the end of input leaves.")
final class ConsoleCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    private final OperationFlags flags = new OperationFlags();

    @Option(names = "-var", paramLabel = "NAME=VALUE", description = "Set a value for one of the input variables "
            + "in the root module. Use this option more than once to set more than one variable.")
    void addVariable(String assignment) {
        flags.variables.add(new VariableInputs.Assignment(assignment));
    }

    @Option(names = "-var-file", paramLabel = "FILE", description = "Load variable values from the given file, in "
            + "addition to the default files terraform.tfvars and *.auto.tfvars.")
    void addVariableFile(Path file) {
        flags.variables.add(new VariableInputs.VarFile(file));
    }

    @Option(names = "-state", paramLabel = "PATH", description = "The state file to read (default: the current "
            + "workspace's).")
    void state(Path path) {
        flags.state = path;
    }

    @Override
    public Integer call() {
        // The console only reads: no refresh, no lock (an apply may run meanwhile; the console sees its
        // last snapshot).
        flags.refresh = false;
        flags.lock = false;
        try (Operation op = new Operation(netform, flags)) {
            if (!op.load() || op.lockAndRead("OperationTypeInvalid") == null) {
                return 1;
            }
            PlanResult evaluated = op.plan(Plan.Mode.REFRESH_ONLY);
            if (evaluated == null || evaluated.hasErrors()) {
                return 1;
            }
            Ui ui = op.ui();
            boolean interactive = System.console() != null && ui.in() == System.in;
            BufferedReader in = new BufferedReader(new InputStreamReader(ui.in(), StandardCharsets.UTF_8));
            return new ConsoleSession(op.lastWalk().scopes().withFunctions(op.functions()), op.root(), ui).run(in, interactive);
        }
    }
}
