package io.netform.lang.function;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV records as Go's encoding/csv reads them: RFC 4180 quoting, CRLF read as LF, empty lines
 * skipped, every record as long as the first, and Go's parse error wording.
 */
final class CsvRecords {
    private final String text;
    private int pos;
    private int line = 1;

    private CsvRecords(String text) {
        this.text = text.replace("\r\n", "\n");
    }

    static List<List<String>> read(String text) throws FunctionException {
        CsvRecords reader = new CsvRecords(text);
        List<List<String>> records = new ArrayList<>();
        while (reader.pos < reader.text.length()) {
            if (reader.text.charAt(reader.pos) == '\n') {
                reader.pos++;
                reader.line++;
                continue;
            }
            int recordLine = reader.line;
            List<String> record = reader.record();
            if (!records.isEmpty() && record.size() != records.get(0).size()) {
                throw new FunctionException("CSV parse error on line " + recordLine + ": wrong number of fields");
            }
            records.add(record);
        }
        return records;
    }

    private List<String> record() throws FunctionException {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(pos < text.length() && text.charAt(pos) == '"' ? quoted() : bare());
            if (pos >= text.length()) {
                return fields;
            }
            char c = text.charAt(pos++);
            if (c == '\n') {
                line++;
                return fields;
            }
        }
    }

    private String bare() throws FunctionException {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\n') {
            if (text.charAt(pos) == '"') {
                throw new FunctionException("CSV parse error on line " + line + ": bare \" in non-quoted-field");
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted() throws FunctionException {
        int startLine = line;
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new FunctionException(
                        "CSV parse error on line " + startLine + ": extraneous or missing \" in quoted-field");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    out.append('"');
                    pos++;
                    continue;
                }
                if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\n') {
                    throw new FunctionException(
                            "CSV parse error on line " + line + ": extraneous or missing \" in quoted-field");
                }
                return out.toString();
            }
            if (c == '\n') {
                line++;
            }
            out.append(c);
        }
    }
}
