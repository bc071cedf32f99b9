package io.netform.config;

import io.netform.hcl.Attribute;
import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.hcl.JsonSyntax;
import io.netform.hcl.ParseResult;
import io.netform.hcl.SourceRange;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The values of the root module's variables, from every source in Terraform's order of precedence
 * (each overriding the ones before): {@code TF_VAR_name} then {@code NETFORM_VAR_name} environment
 * variables, {@code terraform.tfvars}, {@code terraform.tfvars.json}, {@code *.auto.tfvars} and
 * {@code *.auto.tfvars.json} together in name order, then {@code -var} and {@code -var-file} in the
 * order given on the command line. A file whose name ends in {@code .json} is read as JSON.
 */
public final class VariableInputs {

    /** One {@code -var NAME=VALUE} or {@code -var-file FILE} argument, in command-line order. */
    public sealed interface Argument permits Assignment, VarFile, Assigned {}

    /** {@code -var NAME=VALUE}. */
    public record Assignment(String text) implements Argument {}

    /** {@code -var-file FILE}. */
    public record VarFile(Path file) implements Argument {}

    /**
     * A value already evaluated, for variable {@code name} if the root module declares it (a test file's
     * variables, which may name variables of other runs' modules).
     */
    public record Assigned(String name, Value value) implements Argument {}

    private record Given(Value value, SourceRange range) {}

    private final Module root;
    private final Path dir;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Given> given = new LinkedHashMap<>();

    private VariableInputs(Module root, Path dir) {
        this.root = root;
        this.dir = dir;
    }

    /** What resolving gives: each root variable's final value, and the problems found. */
    public record Resolved(Map<String, Value> values, List<Diagnostic> diagnostics) {
        public Resolved {
            values = Map.copyOf(values);
            diagnostics = List.copyOf(diagnostics);
        }

        /** Whether any diagnostic is an error. */
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** Resolves the root module's variables in working directory {@code dir}. */
    public static Resolved resolve(
            Module root, Path dir, Map<String, String> environment, List<Argument> arguments, Functions functions) {
        VariableInputs inputs = new VariableInputs(root, dir);
        inputs.environment(environment, "TF_VAR_");
        inputs.environment(environment, "NETFORM_VAR_");
        for (String name : List.of("terraform.tfvars", "terraform.tfvars.json")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                inputs.file(dir.resolve(name), false);
            }
        }
        inputs.autoFiles().forEach(f -> inputs.file(f, false));
        for (Argument argument : arguments) {
            if (argument instanceof Assignment a) {
                inputs.assignment(a.text());
            } else if (argument instanceof VarFile f) {
                inputs.file(dir.resolve(f.file()), true);
            } else if (argument instanceof Assigned a && root.variables().containsKey(a.name())) {
                inputs.given.put(a.name(), new Given(a.value(), null));
            }
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (Variable variable : root.variables().values()) {
            Given g = inputs.given.get(variable.name());
            values.put(
                    variable.name(),
                    VariableValue.finalize(
                            variable,
                            g == null ? null : g.value(),
                            g == null ? null : g.range(),
                            functions,
                            inputs.diagnostics));
        }
        return new Resolved(values, inputs.diagnostics);
    }

    private void environment(Map<String, String> env, String prefix) {
        env.forEach((key, text) -> {
            if (key.startsWith(prefix)) {
                Variable v = root.variables().get(key.substring(prefix.length()));
                if (v != null) {
                    given.put(v.name(), new Given(parseRaw(v, text, "environment variable " + key), null));
                }
            }
        });
    }

    private void assignment(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            diagnostics.add(Diagnostic.error(
                    "Invalid -var option",
                    "The given -var option \"" + text + "\" is not "
                            + "correctly specified. It must be a variable name and value separated by an equals sign, "
                            + "like -var=\"key=value\".",
                    null));
            return;
        }
        String name = text.substring(0, eq);
        Variable v = root.variables().get(name);
        if (v == null) {
            diagnostics.add(Diagnostic.error(
                    "Value for undeclared variable",
                    "A variable named \"" + name
                            + "\" was assigned on the command line, but the root module does not declare a variable of "
                            + "that name. To use this value, add a \"variable\" block to the configuration.",
                    null));
            return;
        }
        given.put(name, new Given(parseRaw(v, text.substring(eq + 1), "-var " + name), null));
    }

    /** A string value for string-typed (or untyped) variables; otherwise the text is an HCL expression. */
    private Value parseRaw(Variable v, String text, String origin) {
        if (v.takesRawText()) {
            return Value.string(text);
        }
        ParseResult<io.netform.hcl.Expression> parsed = HclParser.parseExpression("<value for " + origin + ">", text);
        if (!parsed.diagnostics().isEmpty()) {
            diagnostics.addAll(parsed.diagnostics());
            return Value.unknown(Type.DYNAMIC);
        }
        return constant(parsed.value());
    }

    private void file(Path file, boolean explicit) {
        String name = dir.relativize(file.toAbsolutePath().normalize()).toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(
                    "Failed to read variables file",
                    "Given variables file " + name + " does not exist or cannot be read.",
                    null));
            return;
        }
        ParseResult<Body> parsed =
                JsonSyntax.isJson(name) ? JsonSyntax.parseVariables(name, bytes) : HclParser.parseFile(name, bytes);
        diagnostics.addAll(parsed.diagnostics());
        for (var block : parsed.value().blocks()) {
            diagnostics.add(Diagnostic.error(
                    "Unexpected block in variables file",
                    "A variables file may only set " + "variables, as NAME = VALUE.",
                    block.typeRange()));
        }
        for (Attribute a : parsed.value().attributes()) {
            if (!root.variables().containsKey(a.name())) {
                diagnostics.add(Diagnostic.warning(
                        "Value for undeclared variable",
                        "The root module does not "
                                + "declare a variable named \"" + a.name() + "\" but a value was found in file " + name
                                + ". To use this value, add a \"variable\" block to the configuration.",
                        a.nameRange()));
                continue;
            }
            given.put(
                    a.name(), new Given(constant(a.expression()), a.expression().range()));
        }
    }

    private Value constant(io.netform.hcl.Expression e) {
        Evaluation result = Evaluator.evaluate(e, Scope.of(Map.of(), Functions.NONE));
        if (result.hasErrors()) {
            boolean refersToSomething =
                    result.diagnostics().stream().anyMatch(d -> d.summary().equals("Unknown variable"));
            diagnostics.add(
                    refersToSomething
                            ? Diagnostic.error(
                                    "Variables not allowed",
                                    "Variables may not be used here: a variable value must be a constant.",
                                    e.range())
                            : result.diagnostics().get(0));
            return Value.unknown(Type.DYNAMIC);
        }
        return result.value();
    }

    private List<Path> autoFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".auto.tfvars")
                            || f.getFileName().toString().endsWith(".auto.tfvars.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
