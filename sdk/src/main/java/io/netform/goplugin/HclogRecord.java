package io.netform.goplugin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One log line of a plugin: hclog's JSON form ({@code @level}, {@code @message}, {@code
 * @timestamp} and key/value pairs) or a plain text line, whose level comes from a {@code [LEVEL]}
 * prefix.
 *
 * @param fields the other key/value pairs; values that are not JSON strings keep their JSON text
 */
public record HclogRecord(LogLevel level, String message, Instant timestamp, Map<String, String> fields) {

    private static final JsonFactory JSON = new JsonFactory();

    /** hclog's {@code 2006-01-02T15:04:05.000000Z07:00}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    public HclogRecord {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(timestamp, "timestamp");
        fields = Map.copyOf(fields);
    }

    /** The same record at another level. */
    public HclogRecord withLevel(LogLevel newLevel) {
        return new HclogRecord(newLevel, message, timestamp, fields);
    }

    /** The record as one hclog JSON line, without the newline. */
    public String toJsonLine() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("@level", level.hclogName());
            json.writeStringField("@message", message);
            json.writeStringField("@timestamp", TIMESTAMP.format(timestamp.atZone(ZoneId.systemDefault())));
            for (Map.Entry<String, String> field : fields.entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toString();
    }

    /**
     * Reads a line of plugin stderr: JSON first, as go-plugin's host does, else plain text at the
     * level its prefix names (debug without one). Plain lines keep their whole text.
     */
    public static HclogRecord parse(String line, Instant receivedAt) {
        if (line.startsWith("{")) {
            try {
                return parseJson(line, receivedAt);
            } catch (IOException | RuntimeException notJson) {
                // A line that merely starts with a brace is text like any other.
            }
        }
        return new HclogRecord(plainLevel(line), line, receivedAt, Map.of());
    }

    private static HclogRecord parseJson(String line, Instant receivedAt) throws IOException {
        LogLevel level = LogLevel.DEBUG;
        String message = "";
        Instant timestamp = receivedAt;
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                JsonToken token = json.nextToken();
                String value = token == JsonToken.VALUE_STRING ? json.getText() : valueAsJson(json);
                switch (key) {
                    case "@level" -> level = Objects.requireNonNullElse(LogLevel.fromHclogName(value), level);
                    case "@message" -> message = value;
                    case "@timestamp" -> timestamp = parseTimestamp(value, receivedAt);
                    default -> fields.put(key, value);
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw new IOException("trailing text after the JSON object");
            }
        }
        return new HclogRecord(level, message, timestamp, fields);
    }

    private static String valueAsJson(JsonParser json) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator copy = JSON.createGenerator(out)) {
            copy.copyCurrentStructure(json);
        }
        return out.toString();
    }

    private static Instant parseTimestamp(String text, Instant fallback) {
        try {
            return TIMESTAMP.parse(text, Instant::from);
        } catch (DateTimeParseException notHclogFormat) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notIso) {
                return fallback;
            }
        }
    }

    private static LogLevel plainLevel(String line) {
        for (LogLevel level : LogLevel.values()) {
            if (line.startsWith("[" + level.name() + "]")) {
                return level;
            }
        }
        return LogLevel.DEBUG;
    }
}
