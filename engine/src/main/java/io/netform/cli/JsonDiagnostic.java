package io.netform.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceFile;
import io.netform.hcl.SourcePos;
import io.netform.hcl.SourceRange;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diagnostic as Terraform's machine-readable formats write it ({@code validate -json} and the
 * {@code diagnostic} message of {@code -json}): severity, summary, detail, the source range and a
 * snippet of the lines it covers with the highlighted part as byte offsets.
 */
final class JsonDiagnostic {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A detail whose last paragraph names the object, "  with ADDRESS", as the engine writes it for people. */
    private static final Pattern WITH_ADDRESS = Pattern.compile("(?s)(.*?)(?:\\n\\n)?  with (\\S+)");

    private JsonDiagnostic() {}

    /** The diagnostic object; {@code sources} holds the text of files by name, for the snippet. */
    static ObjectNode encode(Diagnostic d, Map<String, String> sources) {
        ObjectNode out = NODES.objectNode();
        out.put("severity", d.isError() ? "error" : "warning");
        out.put("summary", d.summary());
        String detail = d.detail() == null ? "" : d.detail();
        Matcher with = WITH_ADDRESS.matcher(detail);
        if (with.matches()) {
            // Terraform gives the object a diagnostic is about as its own field, not as part of the detail.
            out.put("detail", with.group(1));
            out.put("address", with.group(2));
        } else {
            out.put("detail", detail);
        }
        SourceRange range = d.subject();
        if (range == null) {
            return out;
        }
        if (range.endByte() == range.startByte()) {
            // As Terraform's views do, an empty range (a block's missing-item range) covers one character.
            range = new SourceRange(
                    range.file(),
                    range.startLine(),
                    range.startColumn(),
                    range.startByte(),
                    range.startLine(),
                    range.startColumn() + 1,
                    range.startByte() + 1);
        }
        ObjectNode r = out.putObject("range");
        r.put("filename", range.file());
        r.set("start", position(range.start()));
        r.set("end", position(range.end()));
        String text = sources.get(range.file());
        if (text != null) {
            out.set("snippet", snippet(new SourceFile(range.file(), text), range));
        }
        return out;
    }

    private static ObjectNode position(SourcePos p) {
        ObjectNode out = NODES.objectNode();
        out.put("line", p.line());
        out.put("column", p.column());
        out.put("byte", p.byteOffset());
        return out;
    }

    private static ObjectNode snippet(SourceFile source, SourceRange range) {
        int first = Math.min(range.startLine(), source.lineCount());
        int last = Math.max(first, Math.min(range.endLine(), source.lineCount()));
        StringBuilder code = new StringBuilder();
        for (int line = first; line <= last; line++) {
            code.append(line > first ? "\n" : "").append(source.lineText(line));
        }
        int start = bytesBefore(source.lineText(first), range.startColumn());
        String lastLine = source.lineText(last);
        int end = utf8Length(code.toString()) - utf8Length(lastLine) + bytesBefore(lastLine, range.endColumn());
        ObjectNode out = NODES.objectNode();
        out.putNull("context");
        out.put("code", code.toString());
        out.put("start_line", first);
        out.put("highlight_start_offset", start);
        out.put("highlight_end_offset", Math.max(start, end));
        out.putArray("values");
        return out;
    }

    /** The UTF-8 length of the first {@code column - 1} characters (code points) of {@code line}. */
    private static int bytesBefore(String line, int column) {
        int chars =
                line.offsetByCodePoints(0, Math.min(Math.max(0, column - 1), line.codePointCount(0, line.length())));
        return utf8Length(line.substring(0, chars));
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
