package io.netform.nsxsim;

import io.netform.nsxsim.policy.ApiRequest;
import io.netform.nsxsim.policy.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Benchmark (not a test): requests/s and latency of GET and PATCH of segments with 8 concurrent
 * HTTPS clients against a standalone-configured simulator, and the time the simulator itself
 * spends per request in-process. Run with
 * {@code mvn -q -pl nsx-simulator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.netform.nsxsim.SegmentBenchmark}.
 */
public final class SegmentBenchmark {

    private static final int CLIENTS = 8;
    private static final int SEGMENTS = 200;
    private static final Duration WARMUP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(8);

    private SegmentBenchmark() {}

    /** Prints one line per measurement. */
    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("nsx-sim-bench");
        SimulatorConfig config = SimulatorConfig.defaults()
                .withDataDirectory(data)
                .withLimits(0, 0)
                .withFlushDelay(Duration.ofMillis(100))
                .withRealizationDelay(Duration.ZERO);
        try (NsxSimulator simulator = NsxSimulator.start(config)) {
            NsxTestClient client = NsxTestClient.of(simulator, config);
            for (int i = 0; i < SEGMENTS; i++) {
                client.patch(
                        "/infra/segments/seg-" + i,
                        "{\"subnets\":[{\"gateway_address\":\"10.0." + (i % 250)
                                + ".1/24\"}],\"tags\":[{\"scope\":\"bench\",\"tag\":\"" + i + "\"}]}");
            }
            overHttps("GET  ", i -> client.status("GET", "/infra/segments/seg-" + i, null));
            overHttps(
                    "PATCH",
                    i -> client.status(
                            "PATCH",
                            "/infra/segments/seg-" + i,
                            "{\"description\":\"run " + System.nanoTime() + "\"}"));
            inProcess(
                    "GET  ",
                    simulator,
                    i -> new ApiRequest(
                            "GET", "/policy/api/v1/infra/segments/seg-" + i, Map.of(), new byte[0], "admin"));
            inProcess(
                    "PATCH",
                    simulator,
                    i -> new ApiRequest(
                            "PATCH",
                            "/policy/api/v1/infra/segments/seg-" + i,
                            Map.of(),
                            ("{\"description\":\"run " + System.nanoTime() + "\"}").getBytes(StandardCharsets.UTF_8),
                            "admin"));
        }
    }

    private static void overHttps(String label, IntFunction<Integer> call) throws Exception {
        run(call, WARMUP);
        long start = System.nanoTime();
        List<Long> latencies = run(call, MEASURE);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "HTTPS %s %d clients: %8.0f req/s, median %.3f ms, p99 %.3f ms (%d requests)%n",
                label,
                CLIENTS,
                latencies.size() / seconds,
                percentile(latencies, 50),
                percentile(latencies, 99),
                latencies.size());
    }

    private static List<Long> run(IntFunction<Integer> call, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            workers.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status = call.apply(ThreadLocalRandom.current().nextInt(SEGMENTS));
                    mine.add(System.nanoTime() - t0);
                    if (status >= 300) {
                        throw new IllegalStateException("unexpected status " + status);
                    }
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        return all;
    }

    private static void inProcess(String label, NsxSimulator simulator, IntFunction<ApiRequest> request) {
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + WARMUP.plus(MEASURE).toNanos();
        long measureFrom = System.nanoTime() + WARMUP.toNanos();
        while (System.nanoTime() < end) {
            ApiRequest r = request.apply(ThreadLocalRandom.current().nextInt(SEGMENTS));
            long t0 = System.nanoTime();
            ApiResponse response = simulator.handle(r);
            long took = System.nanoTime() - t0;
            if (response.status() >= 300) {
                throw new IllegalStateException("unexpected status " + response.status());
            }
            if (t0 >= measureFrom) {
                latencies.add(took);
            }
        }
        System.out.printf(
                "in-process %s 1 thread: median %.3f ms, p99 %.3f ms (%d requests)%n",
                label, percentile(latencies, 50), percentile(latencies, 99), latencies.size());
    }

    private static double percentile(List<Long> nanos, int percent) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
