package io.netform.hcl;

/**
 * A problem found in a configuration, shared by the parser, the evaluator and the engine.
 *
 * @param severity whether the problem stops the operation
 * @param summary a short, fixed sentence naming the kind of problem ("Invalid expression")
 * @param detail a longer explanation specific to this occurrence, possibly empty
 * @param subject the source range the problem is about, or {@code null} when it has no place
 */
public record Diagnostic(Severity severity, String summary, String detail, SourceRange subject) {

    /** An error about {@code subject}. */
    public static Diagnostic error(String summary, String detail, SourceRange subject) {
        return new Diagnostic(Severity.ERROR, summary, detail, subject);
    }

    /** A warning about {@code subject}. */
    public static Diagnostic warning(String summary, String detail, SourceRange subject) {
        return new Diagnostic(Severity.WARNING, summary, detail, subject);
    }

    /** True when this diagnostic is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
