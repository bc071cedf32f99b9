package io.netform.cli;

import io.netform.goplugin.HclogRecord;
import io.netform.goplugin.LogLevel;
import io.netform.goplugin.PluginLogSink;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Netform's log, as Terraform's {@code TF_LOG} works: {@code NETFORM_LOG} (or {@code TF_LOG}) names the
 * lowest level written (TRACE, DEBUG, INFO, WARN, ERROR; JSON means TRACE as hclog JSON lines; OFF or
 * unset writes nothing), and {@code NETFORM_LOG_PATH} (or {@code TF_LOG_PATH}) a file the lines are
 * appended to instead of standard error. Plugin log lines are written with the plugin's name.
 */
final class Logging implements AutoCloseable {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private final LogLevel threshold;
    private final boolean json;
    private final PrintStream out;
    private final boolean ownsOut;
    private final Clock clock;

    private Logging(LogLevel threshold, boolean json, PrintStream out, boolean ownsOut, Clock clock) {
        this.threshold = threshold;
        this.json = json;
        this.out = out;
        this.ownsOut = ownsOut;
        this.clock = clock;
    }

    /** A log that writes nothing. */
    static Logging off() {
        return new Logging(null, false, null, false, Clock.systemUTC());
    }

    /**
     * The log {@code env} asks for; problems with the settings (an unknown level, a log file that
     * cannot be opened) are reported on {@code stderr}, and the log then behaves as Terraform's does.
     */
    static Logging fromEnvironment(Map<String, String> env, PrintStream stderr, Clock clock) {
        String level = firstSet(env, "NETFORM_LOG", "TF_LOG");
        if (level == null || level.equalsIgnoreCase("off")) {
            return off();
        }
        boolean json = level.equalsIgnoreCase("json");
        LogLevel threshold = json ? LogLevel.TRACE : levelNamed(level);
        if (threshold == null) {
            stderr.println("[WARN] Invalid log level: \"" + level + "\". Defaulting to level: TRACE. Valid levels "
                    + "are: [TRACE DEBUG INFO WARN ERROR JSON OFF]");
            threshold = LogLevel.TRACE;
        }
        String path = firstSet(env, "NETFORM_LOG_PATH", "TF_LOG_PATH");
        if (path == null) {
            return new Logging(threshold, json, stderr, false, clock);
        }
        try {
            // Appends, as Terraform does, so that one file can collect the logs of several runs.
            PrintStream file = new PrintStream(new FileOutputStream(path, true), true, StandardCharsets.UTF_8);
            return new Logging(threshold, json, file, true, clock);
        } catch (IOException e) {
            stderr.println("Error: could not open the log file " + path + " (" + e.getMessage()
                    + "); logging to standard error instead.");
            return new Logging(threshold, json, stderr, false, clock);
        }
    }

    private static String firstSet(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            value = env.get(fallback);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LogLevel levelNamed(String name) {
        for (LogLevel l : LogLevel.values()) {
            if (l.name().equalsIgnoreCase(name)) {
                return l;
            }
        }
        return null;
    }

    /** Whether lines at {@code level} are written. */
    boolean enabled(LogLevel level) {
        return threshold != null && level.compareTo(threshold) >= 0;
    }

    /** Whether debug lines (and stack traces of crashes) are wanted. */
    boolean debugEnabled() {
        return enabled(LogLevel.DEBUG);
    }

    /** Writes one line of Netform's own. */
    void log(LogLevel level, String message) {
        if (enabled(level)) {
            write(new HclogRecord(level, message, clock.instant(), Map.of()), null);
        }
    }

    /** Where plugin log lines go: into this log, named after their plugin. */
    PluginLogSink pluginSink() {
        return (plugin, record) -> {
            if (enabled(record.level())) {
                write(record, "provider." + plugin);
            }
        };
    }

    private void write(HclogRecord record, String module) {
        String line;
        if (json) {
            Map<String, String> fields = new TreeMap<>(record.fields());
            if (module != null) {
                fields.put("@module", module);
            }
            line = new HclogRecord(record.level(), record.message(), record.timestamp(), fields).toJsonLine();
        } else {
            String tag = "[" + record.level().name() + "]";
            StringBuilder text = new StringBuilder(TIMESTAMP.format(record.timestamp()))
                    .append(' ')
                    .append(tag)
                    .append(" ".repeat(Math.max(1, 8 - tag.length())));
            if (module != null) {
                text.append(module).append(": ");
            }
            text.append(record.message());
            new TreeMap<>(record.fields())
                    .forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            line = text.toString();
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** A crash's stack trace, at debug level. */
    void stackTrace(Throwable e) {
        if (debugEnabled()) {
            synchronized (out) {
                e.printStackTrace(out);
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        if (ownsOut) {
            out.close();
        }
    }
}
