package io.netform.cli;

import io.netform.config.VariableInputs;
import io.netform.core.Result;
import io.netform.core.Session;
import io.netform.lang.function.ConsoleFunctions;
import io.netform.plan.Plan;
import io.netform.planner.PlanResult;
import io.netform.walk.ScopeBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform console}: evaluates expressions typed (or piped) on standard input against the
 * configuration and the current workspace's state, as Terraform's console does. Resources have the
 * values the state records (not read again from their providers); those not created yet are unknown.
 * With {@code -plan}, it first plans as Terraform's {@code console -plan} does (without refreshing) and
 * evaluates against the planned values instead. The console-only type() shows an expression's type.
 */
@Command(
        name = "console",
        description = "Evaluate expressions against the configuration and the state (or, with "
                + "-plan, a new plan), one per line (or several lines while brackets are open); exit or the end of input "
                + "leaves.")
final class ConsoleCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    private final OperationFlags flags = new OperationFlags();

    @Option(
            names = "-var",
            paramLabel = "NAME=VALUE",
            description = "Set a value for one of the input variables "
                    + "in the root module. Use this option more than once to set more than one variable.")
    void addVariable(String assignment) {
        flags.variables.add(new VariableInputs.Assignment(assignment));
    }

    @Option(
            names = "-var-file",
            paramLabel = "FILE",
            description = "Load variable values from the given file, in "
                    + "addition to the default files terraform.tfvars and *.auto.tfvars.")
    void addVariableFile(Path file) {
        flags.variables.add(new VariableInputs.VarFile(file));
    }

    @Option(
            names = "-state",
            paramLabel = "PATH",
            description = "The state file to read (default: the current " + "workspace's).")
    void state(Path path) {
        flags.state = path;
    }

    @Option(
            names = "-plan",
            description = "Create a new plan (as plan does, but without refreshing, as Terraform's "
                    + "console) and evaluate expressions against its planned values instead of the state: what is still "
                    + "to be created or changed shows its planned values, and (known after apply) where only the apply "
                    + "can tell.")
    boolean plan;

    private final List<String> targets = new ArrayList<>();

    @Option(
            names = "-target",
            paramLabel = "ADDRESS",
            description = "With -plan: limit the plan to this resource, "
                    + "resource instance or module and what it depends on. Use this option more than once to target more "
                    + "than one.")
    void addTarget(String address) {
        targets.add(address);
    }

    @Override
    public Integer call() {
        // The console only reads: no refresh (not even with -plan, as in Terraform), no lock (an apply may
        // run meanwhile; the console sees its last snapshot).
        flags.refresh = false;
        flags.lock = false;
        if (plan) {
            flags.target.addAll(targets);
        }
        try (CommandSession command = new CommandSession(netform, flags)) {
            Session session = command.session();
            if (!command.start("OperationTypeInvalid")) {
                return 1;
            }
            Result<PlanResult> evaluated = session.plan(plan ? Plan.Mode.NORMAL : Plan.Mode.REFRESH_ONLY);
            if (command.view().diagnostics(evaluated) || evaluated.value().hasErrors()) {
                return 1;
            }
            Ui ui = command.view().ui();
            boolean interactive = System.console() != null && ui.in() == System.in;
            BufferedReader in = new BufferedReader(new InputStreamReader(ui.in(), StandardCharsets.UTF_8));
            return new ConsoleSession(scopes(session), session.root(), ui).run(in, interactive);
        }
    }

    /**
     * The walk's values with the console's functions: against the state, the real ones (timestamp() is
     * now); against a plan, the plan's, as Terraform's console -plan (timestamp() known after apply).
     */
    private ScopeBuilder scopes(Session session) {
        ScopeBuilder walked = session.lastWalk().scopes();
        return walked.withFunctions(ConsoleFunctions.over(plan ? walked.functions() : session.functions()));
    }
}
