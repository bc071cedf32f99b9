package io.netform.goplugin;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.stream.Collectors;

/** Where a host sends what its plugins log: their stderr lines, their stdio and its own events. */
@FunctionalInterface
public interface PluginLogSink {

    /**
     * Takes one record.
     *
     * @param plugin the plugin's name, as given at launch
     */
    void log(String plugin, HclogRecord record);

    /** A sink that forwards to {@link System.Logger} {@code netform.plugin.<name>}. */
    static PluginLogSink systemLogger() {
        return (plugin, record) ->
                System.getLogger("netform.plugin." + plugin).log(level(record.level()), () -> render(record));
    }

    private static Level level(LogLevel level) {
        return switch (level) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARN -> Level.WARNING;
            case ERROR -> Level.ERROR;
        };
    }

    private static String render(HclogRecord record) {
        if (record.fields().isEmpty()) {
            return record.message();
        }
        return record.fields().entrySet().stream()
                .map(Map.Entry::toString)
                .collect(Collectors.joining(" ", record.message() + ": ", ""));
    }
}
