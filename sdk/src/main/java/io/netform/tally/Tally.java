package io.netform.tally;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe counts by key, as the simulators keep them for the requests they receive; subclasses decide
 * what a request's key is.
 */
public abstract class Tally {

    private final Map<String, LongAdder> byKey = new ConcurrentHashMap<>();

    /** Counts one more under {@code key}. */
    protected final void increment(String key) {
        byKey.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The counts so far, by key, sorted. */
    public final Map<String, Long> byRequest() {
        Map<String, Long> snapshot = new TreeMap<>();
        byKey.forEach((key, count) -> snapshot.put(key, count.sum()));
        return snapshot;
    }

    /** All counted so far. */
    public final long total() {
        return byKey.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Starts counting from zero again. */
    public final void reset() {
        byKey.clear();
    }
}
