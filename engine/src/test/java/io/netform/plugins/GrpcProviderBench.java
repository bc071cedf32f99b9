package io.netform.plugins;

import io.netform.goplugin.PluginLogSink;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark of the provider client against the fake provider plugin: launch to schema, and the
 * cost per PlanResourceChange + ApplyResourceChange pair (both values through msgpack both ways),
 * one at a time and from ten threads. Prints its figures. Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl engine -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=$PWD/target/bench.classpath
 * java -cp engine/target/test-classes:engine/target/classes:$(cat target/bench.classpath) \
 *     io.netform.plugins.GrpcProviderBench [pairs]
 * </pre>
 */
public final class GrpcProviderBench {

    private GrpcProviderBench() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path plugins = Files.createTempDirectory("netform-bench-plugins");
        InstalledProvider installed = FakeProviderPlugin.install(plugins, "netform/testing", "0.1.0");
        ProviderLauncher launcher = new ProviderLauncher(PluginLogSink.systemLogger(), Path.of("."));
        long started = System.nanoTime();
        try (GrpcProvider provider = launcher.start(installed)) {
            provider.schema();
            System.out.printf("launch to schema: %.0f ms%n", (System.nanoTime() - started) / 1e6);
            pairs(provider, 1_000, 1);
            report("sequential", pairs, pairs(provider, pairs, 1));
            report("10 threads", pairs, pairs(provider, pairs, 10));
        } finally {
            deleteTree(plugins);
        }
    }

    /** Runs {@code count} plan+apply pairs on {@code threads} threads; the elapsed nanoseconds. */
    private static long pairs(GrpcProvider provider, int count, int threads) throws Exception {
        Type type = provider.schema().resources().get("testing_object").block().impliedType();
        Type port = ((Type.ObjectType) type).attributeTypes().get("port").elementType();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Value config = Value.object(Map.of(
                        "id",
                        Value.nullOf(Type.STRING),
                        "name",
                        Value.string("o" + i),
                        "size",
                        Value.number(i),
                        "tags",
                        Value.map(Type.STRING, Map.of("env", Value.string("dev"))),
                        "port",
                        Value.list(port, List.of(Value.object(Map.of("number", Value.number(443)))))));
                done.add(pool.submit(() -> planAndApply(provider, type, config)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }

    private static void planAndApply(GrpcProvider provider, Type type, Value config) {
        ProviderClient.PlannedObject plan = provider.planResourceChange(
                        "testing_object", Value.nullOf(type), config, config, null)
                .value();
        provider.applyResourceChange(
                "testing_object", Value.nullOf(type), plan.plannedState(), config, plan.plannedPrivate());
    }

    private static void report(String how, int pairs, long nanos) {
        System.out.printf(
                "%s: %d plan+apply pairs in %.0f ms = %.3f ms per pair, %.0f pairs/s%n",
                how, pairs, nanos / 1e6, nanos / 1e6 / pairs, pairs / (nanos / 1e9));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
