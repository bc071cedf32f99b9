package io.netform.core;

import io.netform.hcl.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * What an engine operation gives back: its value (null when errors kept it from producing one), the
 * diagnostics it found, and the text of the configuration files they point into.
 */
public record Result<T>(T value, List<Diagnostic> diagnostics, Map<String, String> sources) {

    public Result {
        diagnostics = List.copyOf(diagnostics);
        sources = Map.copyOf(sources);
    }

    /** A value with no diagnostics. */
    public static <T> Result<T> of(T value) {
        return new Result<>(value, List.of(), Map.of());
    }

    /** No value, because of {@code diagnostics}. */
    public static <T> Result<T> failed(List<Diagnostic> diagnostics, Map<String, String> sources) {
        return new Result<>(null, diagnostics, sources);
    }

    /**
     * An error that has no place in the configuration, told as one message whose first line is its
     * summary: people see it as written, machine-readable output splits it into summary and detail.
     */
    public static Diagnostic message(String text) {
        return Diagnostic.error(text, "", null);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Whether the operation produced no value; its diagnostics say why. */
    public boolean failed() {
        return value == null;
    }
}
