package io.netform.hcl;

import java.util.List;

/**
 * The outcome of formatting one file: the canonical text, or the syntax errors that prevented
 * formatting (then {@code formatted} equals {@code original} and the file must not be rewritten).
 */
public record FormatResult(String fileName, String original, String formatted, List<Diagnostic> diagnostics) {
    /** Copies {@code diagnostics} so the result is immutable. */
    public FormatResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when the file has syntax errors and was left alone. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** True when formatting changes the file. */
    public boolean changed() {
        return !original.equals(formatted);
    }

    /** A unified diff from the original to the formatted text; empty when nothing changes. */
    public String diff() {
        return UnifiedDiff.between("old/" + fileName, "new/" + fileName, original, formatted);
    }
}
