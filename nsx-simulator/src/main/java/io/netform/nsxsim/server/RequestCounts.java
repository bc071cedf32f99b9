package io.netform.nsxsim.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many Policy API requests the server has received, by method and path (and the
 * {@code intent_path} of realization queries), counting every attempt, faulted ones too, so tests
 * and benchmarks can see what a client costs NSX.
 */
public final class RequestCounts {

    private final Map<String, LongAdder> byRequest = new ConcurrentHashMap<>();

    void record(String method, String path, String intentPath) {
        String key = method + " " + path + (intentPath == null ? "" : " intent_path=" + intentPath);
        byRequest.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The counts so far by request, keyed {@code "METHOD /policy/api/v1/path[ intent_path=PATH]"}, sorted. */
    public Map<String, Long> byRequest() {
        Map<String, Long> snapshot = new TreeMap<>();
        byRequest.forEach((request, count) -> snapshot.put(request, count.sum()));
        return snapshot;
    }

    /** All requests so far. */
    public long total() {
        return byRequest.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Starts counting from zero again. */
    public void reset() {
        byRequest.clear();
    }
}
