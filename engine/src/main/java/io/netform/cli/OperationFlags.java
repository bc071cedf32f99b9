package io.netform.cli;

import io.netform.config.VariableInputs;
import io.netform.core.OperationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags plan, apply and destroy share, with Terraform's names and defaults. */
final class OperationFlags {

    final List<VariableInputs.Argument> variables = new ArrayList<>();

    @Option(
            names = "-var",
            paramLabel = "NAME=VALUE",
            description = "Set a value for one of the input variables "
                    + "in the root module. Use this option more than once to set more than one variable.")
    void addVariable(String assignment) {
        variables.add(new VariableInputs.Assignment(assignment));
    }

    @Option(
            names = "-var-file",
            paramLabel = "FILE",
            description = "Load variable values from the given file, in "
                    + "addition to the default files terraform.tfvars and *.auto.tfvars.")
    void addVariableFile(Path file) {
        variables.add(new VariableInputs.VarFile(file));
    }

    @Option(
            names = "-refresh",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Check the remote objects for changes made outside Netform before planning (default true).")
    boolean refresh = true;

    @Option(
            names = "-parallelism",
            paramLabel = "N",
            description = "Limit the number of concurrent operations " + "(default 10).")
    int parallelism = 10;

    @Option(
            names = "-lock",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Hold the state lock during the operation (default true).")
    boolean lock = true;

    @Option(
            names = "-lock-timeout",
            paramLabel = "DURATION",
            description = "How long to retry acquiring the state " + "lock (default 0s).")
    String lockTimeout = "0s";

    @Option(
            names = "-state",
            paramLabel = "PATH",
            description = "The state file to use (default terraform.tfstate, " + "or the local backend's path).")
    Path state;

    @Option(
            names = "-replace",
            paramLabel = "ADDRESS",
            description = "Force replacement of this resource instance. "
                    + "Use this option more than once to replace more than one.")
    List<String> replace = new ArrayList<>();

    @Option(
            names = "-target",
            paramLabel = "ADDRESS",
            description = "Limit the operation to this resource, "
                    + "resource instance or module and what it depends on (for destroy: what depends on it). Use this "
                    + "option more than once to target more than one. For exceptional use only.")
    List<String> target = new ArrayList<>();

    @Option(
            names = "-exclude",
            paramLabel = "ADDRESS",
            description = "Leave this resource, resource instance or "
                    + "module out of the operation, with everything that depends on it (for destroy: everything it depends "
                    + "on). Use this option more than once to exclude more than one. For exceptional use only.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "-no-color", description = "Disable coloured output.")
    boolean noColor;

    @Option(
            names = "-input",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Ask for input for variables if not directly set (Netform never asks; accepted for "
                    + "compatibility).")
    boolean input = true;

    @Option(
            names = "-json",
            description = "Print machine-readable output: one JSON object per line, in "
                    + "Terraform's UI format 1.3. Implies -input=false; apply needs -auto-approve or a plan file.")
    boolean json;

    @Option(
            names = "-compact-warnings",
            description = "Show warnings that come without errors as a list of " + "their summaries only.")
    boolean compactWarnings;

    /** What these flags ask of the engine, for a command working in {@code dir} with {@code env}. */
    OperationRequest request(Path dir, java.util.Map<String, String> env) {
        return new OperationRequest(
                dir, env, variables, refresh, replace, target, exclude, parallelism, lock, lockTimeout);
    }
}
