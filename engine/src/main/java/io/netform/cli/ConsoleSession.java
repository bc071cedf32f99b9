package io.netform.cli;

import io.netform.addrs.ModuleInstance;
import io.netform.config.Module;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.HclParser;
import io.netform.hcl.Lexer;
import io.netform.hcl.ParseResult;
import io.netform.hcl.SourceFile;
import io.netform.hcl.SourceRange;
import io.netform.hcl.Tokens;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.function.ConsoleFunctions;
import io.netform.value.Value;
import io.netform.walk.Repetition;
import io.netform.walk.ScopeBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The read-evaluate-print loop of {@code netform console}: reads expressions, one per line or over
 * several lines while a bracket, an interpolation or a heredoc is still open, evaluates each in the root
 * module against the values a walk computed, and prints the result in Terraform's console format (the
 * result of the console-only type() as a type expression).
 * Ends at the end of input or at {@code exit}. When input is piped, the first error ends the session
 * with exit code 1, as Terraform's console does.
 */
final class ConsoleSession {

    /** The name diagnostics give the input. */
    static final String INPUT_NAME = "<console-input>";

    private final ScopeBuilder scopes;
    private final Module root;
    private final Ui ui;

    ConsoleSession(ScopeBuilder scopes, Module root, Ui ui) {
        this.scopes = scopes;
        this.root = root;
        this.ui = ui;
    }

    /** Runs until the input ends or says exit; returns the exit code. */
    int run(BufferedReader in, boolean interactive) {
        StringBuilder pending = new StringBuilder();
        try {
            while (true) {
                if (interactive) {
                    ui.out().print(pending.isEmpty() ? "> " : ". ");
                    ui.out().flush();
                }
                String line = in.readLine();
                if (line == null) {
                    return pending.isEmpty() || handle(pending.toString().strip()) || interactive ? 0 : 1;
                }
                if (pending.isEmpty() && line.isBlank()) {
                    continue;
                }
                pending.append(line).append('\n');
                if (needsMoreInput(pending.toString())) {
                    continue;
                }
                String input = pending.toString().strip();
                pending.setLength(0);
                if (input.equals("exit")) {
                    return 0;
                }
                if (!handle(input) && !interactive) {
                    return 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the console input: " + e.getMessage(), e);
        }
    }

    /** Evaluates one input and prints its value or its diagnostics; false after an error. */
    boolean handle(String input) {
        if (input.equals("help")) {
            ui.out()
                    .println("Enter an expression to see its value, e.g. var.name, local.subnets[0] or "
                            + "cidrsubnet(\"10.0.0.0/16\", 8, 1).\nType exit (or end the input) to leave the console.");
            return true;
        }
        ParseResult<Expression> parsed = HclParser.parseExpression(INPUT_NAME, input);
        List<Diagnostic> diagnostics = parsed.diagnostics();
        if (!parsed.hasErrors()) {
            Evaluation result = Evaluator.evaluate(
                    parsed.value(), scopes.scope(root, ModuleInstance.ROOT, Repetition.NONE, List.of(parsed.value())));
            diagnostics = result.diagnostics();
            if (!result.hasErrors()) {
                diagnostics = print(result.value(), parsed.value().range(), diagnostics);
            }
        }
        return !new DiagnosticPrinter(ui, Map.of(INPUT_NAME, input)).print(diagnostics);
    }

    /**
     * Prints {@code value}, or the type it stands for when it is what type() returned; returns the
     * diagnostics to show, with an error instead of output when type()'s result is only part of it.
     */
    private List<Diagnostic> print(Value value, SourceRange input, List<Diagnostic> diagnostics) {
        boolean fromType = value.unmarkDeepWithPaths().paths().stream()
                .anyMatch(p -> p.marks().contains(ConsoleFunctions.TYPE));
        if (!fromType) {
            ui.out().println(ConsoleValueFormat.format(value, 0));
            return diagnostics;
        }
        if (value.hasMark(ConsoleFunctions.TYPE) && value.isNull()) {
            ui.out().println(ConsoleTypeFormat.format(value.type(), 0));
            return diagnostics;
        }
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.add(Diagnostic.error(
                "Invalid use of type function",
                "The console-only \"type\" function cannot be used as part of an expression.",
                input));
        return all;
    }

    /** Whether {@code text} leaves a bracket, an interpolation or a heredoc open, so the next line continues it. */
    static boolean needsMoreInput(String text) {
        Tokens tokens = Lexer.lexConfig(new SourceFile(INPUT_NAME, text));
        int open = 0;
        for (int i = 0; i < tokens.size(); i++) {
            switch (tokens.type(i)) {
                case LBRACE, LBRACK, LPAREN, INTERP_OPEN, DIRECTIVE_OPEN, OHEREDOC -> open++;
                case RBRACE, RBRACK, RPAREN, SEQ_END, CHEREDOC -> open--;
                default -> {}
            }
        }
        return open > 0;
    }
}
