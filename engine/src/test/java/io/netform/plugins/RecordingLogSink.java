package io.netform.plugins;

import io.netform.goplugin.HclogRecord;
import io.netform.goplugin.PluginLogSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/** A log sink that keeps what plugins logged, with the plugin's name, so that tests can wait for a line. */
final class RecordingLogSink implements PluginLogSink {

    /** One record and the plugin it came from. */
    record Entry(String plugin, HclogRecord record) {}

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void log(String plugin, HclogRecord record) {
        entries.add(new Entry(plugin, record));
    }

    /** Waits up to ten seconds for a record whose message contains {@code text}. */
    Entry await(String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Entry entry : entries) {
                if (entry.record().message().contains(text)) {
                    return entry;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new AssertionError("no plugin log record containing '" + text + "' among " + entries);
    }
}
