package io.netform.kubesim;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests the server has received, by verb and resource as RBAC names them
 * ({@code "list pods"}, {@code "patch namespaces"}, {@code "update namespaces/status"}), and by verb and
 * path for discovery and the OpenAPI document ({@code "get /apis"}); refused requests count too, so
 * tests and benchmarks see what a client costs the API server.
 */
public final class RequestCounts {

    private final Map<String, LongAdder> byRequest = new ConcurrentHashMap<>();

    void record(String method, ApiPath path, String rawPath) {
        String key;
        if (path == null) {
            key = method.toLowerCase(Locale.ROOT) + " " + rawPath;
        } else {
            String resource = path.subresource() == null ? path.resource() : path.resource() + "/" + path.subresource();
            key = path.verb(method) + " " + resource;
        }
        byRequest.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The counts so far, keyed {@code "VERB RESOURCE"} or {@code "VERB /path"}, sorted. */
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
