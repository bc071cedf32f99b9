package io.netform.hcl;

import java.nio.charset.StandardCharsets;

/**
 * Formats HCL source in the canonical style by editing its token stream, so comments and the
 * author's layout choices (line breaks, blank lines, heredocs) survive. Files with syntax errors
 * are reported and never changed.
 */
public final class HclFormatter {
    private HclFormatter() {}

    /** Formats the text of file {@code name}. */
    public static FormatResult format(String name, String text) {
        SourceFile source = new SourceFile(name, text);
        ParseResult<Body> parsed = HclParser.parseFile(source);
        if (parsed.hasErrors()) {
            return new FormatResult(name, text, text, parsed.diagnostics());
        }
        String formatted = new TokenFormatter(Lexer.lexConfig(source)).format();
        return new FormatResult(name, text, formatted, parsed.diagnostics());
    }

    /** Formats file content given as bytes, reporting invalid UTF-8 as a syntax error. */
    public static FormatResult format(String name, byte[] content) {
        ParseResult<Body> parsed = HclParser.parseFile(name, content);
        String text = new String(content, StandardCharsets.UTF_8);
        if (parsed.hasErrors()) {
            return new FormatResult(name, text, text, parsed.diagnostics());
        }
        return format(name, text);
    }
}
