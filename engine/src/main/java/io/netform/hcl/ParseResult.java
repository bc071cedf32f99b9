package io.netform.hcl;

import java.util.List;

/**
 * What the parser produced: a tree (with {@link Expression.Invalid} placeholders where it
 * recovered from errors) and the diagnostics it reported.
 */
public record ParseResult<T>(T value, List<Diagnostic> diagnostics) {
    /** Copies {@code diagnostics} so the result is immutable. */
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when at least one diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
