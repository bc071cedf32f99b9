package io.netform.plugins;

import io.netform.goplugin.HclogRecord;
import io.netform.goplugin.PluginLogSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A log sink that forwards a plugin's log and remembers its last lines, so that an error about a
 * plugin that died can quote what it said last.
 */
final class PluginLogTail implements PluginLogSink {

    private static final int REMEMBERED_LINES = 20;

    private final PluginLogSink forwardTo;
    private final Deque<String> lastLines = new ArrayDeque<>();

    PluginLogTail(PluginLogSink forwardTo) {
        this.forwardTo = forwardTo;
    }

    @Override
    public void log(String plugin, HclogRecord record) {
        synchronized (lastLines) {
            if (lastLines.size() == REMEMBERED_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(render(record));
        }
        forwardTo.log(plugin, record);
    }

    /** The remembered lines, oldest first. */
    List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    private static String render(HclogRecord record) {
        String fields = record.fields().entrySet().stream()
                .filter(field -> !field.getKey().startsWith("@"))
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining(" "));
        return "[" + record.level() + "] " + record.message() + (fields.isEmpty() ? "" : " " + fields);
    }
}
