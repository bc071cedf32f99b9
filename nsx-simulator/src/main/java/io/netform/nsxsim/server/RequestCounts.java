package io.netform.nsxsim.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many Policy API requests the server has received, by HTTP method, counting every attempt
 * (faulted ones too), so tests and benchmarks can see what a client costs NSX.
 */
public final class RequestCounts {

    private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();

    void record(String method) {
        byMethod.computeIfAbsent(method, m -> new LongAdder()).increment();
    }

    /** The counts so far, by method, sorted. */
    public Map<String, Long> byMethod() {
        Map<String, Long> snapshot = new TreeMap<>();
        byMethod.forEach((method, count) -> snapshot.put(method, count.sum()));
        return Map.copyOf(snapshot);
    }

    /** All requests so far. */
    public long total() {
        return byMethod.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Starts counting from zero again. */
    public void reset() {
        byMethod.clear();
    }
}
