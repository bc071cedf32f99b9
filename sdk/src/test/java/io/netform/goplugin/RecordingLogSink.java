package io.netform.goplugin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A log sink that keeps every record, so that tests can wait for one. */
final class RecordingLogSink implements PluginLogSink {

    private final List<HclogRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void log(String plugin, HclogRecord record) {
        records.add(record);
    }

    List<HclogRecord> records() {
        return List.copyOf(records);
    }

    /** Waits until a record matches, and returns it; fails after ten seconds. */
    HclogRecord await(String description, Predicate<HclogRecord> wanted) {
        Poll.until(
                Duration.ofSeconds(10),
                () -> records.stream().anyMatch(wanted),
                () -> "no log record " + description + " among " + records);
        return records.stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Waits for a record with exactly this message. */
    HclogRecord awaitMessage(String message) {
        return await(
                "with message '" + message + "'", record -> record.message().equals(message));
    }
}
