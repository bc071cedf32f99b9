package io.netform.hcl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders diagnostics for a terminal: {@code file.tf:12:5: summary}, the detail, then the source
 * line with the subject underlined. Sources are looked up by file name; without one, the snippet
 * is omitted.
 */
public final class DiagnosticRenderer {
    private final Map<String, SourceFile> sources = new HashMap<>();

    /** Makes {@code source} available for snippets of diagnostics in that file. */
    public DiagnosticRenderer withSource(SourceFile source) {
        sources.put(source.name(), source);
        return this;
    }

    /** Makes the text of file {@code name} available for snippets. */
    public DiagnosticRenderer withSource(String name, String text) {
        return withSource(new SourceFile(name, text));
    }

    /** All diagnostics, separated by blank lines. */
    public String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(render(diagnostic));
        }
        return out.toString();
    }

    /** One diagnostic, ending with a newline. */
    public String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        SourceRange subject = diagnostic.subject();
        if (subject != null) {
            out.append(subject).append(": ");
        }
        if (!diagnostic.isError()) {
            out.append("Warning: ");
        }
        out.append(diagnostic.summary()).append('\n');
        if (diagnostic.detail() != null && !diagnostic.detail().isEmpty()) {
            out.append("  ").append(diagnostic.detail()).append('\n');
        }
        SourceFile source = subject == null ? null : sources.get(subject.file());
        if (source != null && subject.start().line() <= source.lineCount()) {
            snippet(out, source, subject);
        }
        return out.toString();
    }

    private static void snippet(StringBuilder out, SourceFile source, SourceRange subject) {
        int line = subject.start().line();
        String text = source.lineText(line);
        String number = String.valueOf(line);
        String gutter = " ".repeat(number.length());
        out.append('\n');
        out.append("  ").append(number).append(" | ").append(text).append('\n');
        out.append("  ").append(gutter).append(" | ");
        int startColumn = subject.start().column();
        int endColumn = subject.end().line() == line ? subject.end().column() : codePointCount(text) + 1;
        int column = 1;
        int i = 0;
        while (column < startColumn && i < text.length()) {
            int cp = text.codePointAt(i);
            out.append(cp == '\t' ? '\t' : ' ');
            i += Character.charCount(cp);
            column++;
        }
        out.append('^');
        out.append("~".repeat(Math.max(0, endColumn - startColumn - 1)));
        out.append('\n');
    }

    private static int codePointCount(String text) {
        return text.codePointCount(0, text.length());
    }
}
