package io.netform.goplugin;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a plugin's log as hclog JSON lines on its real stderr, which go-plugin hosts (Terraform
 * and Netform alike) parse and re-log under the plugin's name.
 */
public final class HclogWriter {

    private final PrintStream stderr;
    private final String module;

    /** A writer whose lines carry {@code @module = module}. */
    public HclogWriter(PrintStream stderr, String module) {
        this.stderr = Objects.requireNonNull(stderr, "stderr");
        this.module = Objects.requireNonNull(module, "module");
    }

    /**
     * Writes one line.
     *
     * @param keyValues alternating keys and values, as hclog takes them
     */
    public void log(LogLevel level, String message, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs come in twos: " + keyValues.length);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("@module", module);
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
        }
        String line = new HclogRecord(level, message, Instant.now(), fields).toJsonLine();
        synchronized (stderr) {
            stderr.println(line);
            stderr.flush();
        }
    }

    /** Writes one line at debug level. */
    public void debug(String message, Object... keyValues) {
        log(LogLevel.DEBUG, message, keyValues);
    }

    /** Writes one line at info level. */
    public void info(String message, Object... keyValues) {
        log(LogLevel.INFO, message, keyValues);
    }

    /** Writes one line at warn level. */
    public void warn(String message, Object... keyValues) {
        log(LogLevel.WARN, message, keyValues);
    }

    /** Writes one line at error level. */
    public void error(String message, Object... keyValues) {
        log(LogLevel.ERROR, message, keyValues);
    }
}
