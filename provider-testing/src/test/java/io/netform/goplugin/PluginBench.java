package io.netform.goplugin;

import com.google.protobuf.ByteString;
import com.sun.management.OperatingSystemMXBean;
import io.grpc.ManagedChannel;
import io.netform.proto.plugin.Empty;
import io.netform.proto.plugin.GRPCControllerGrpc;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Benchmark of a JVM plugin: start-to-ready (launch, handshake line, health SERVING) under
 * several JVM settings, and the round trip of a PlanResourceChange over the Unix socket with
 * AutoMTLS. Prints its figures. Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl provider-testing -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=$PWD/target/bench.classpath
 * java -cp provider-testing/target/test-classes:provider-testing/target/classes:$(cat target/bench.classpath) \
 *     io.netform.goplugin.PluginBench [calls] [starts]
 * </pre>
 */
public final class PluginBench {

    /** The round-trip calls to each plugin are made in this many turns. */
    private static final int ROUNDS = 5;

    private PluginBench() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int starts = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path work = Files.createTempDirectory("netform-bench");
        String classPath = jarredClassPath(work);
        Path archive = work.resolve("plugin.jsa");
        createClassDataArchive(classPath, archive);

        // The flags of the distribution's plugin scripts, without and with an AppCDS archive.
        List<String> distFlags = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("default JVM", List.of());
        variants.put(String.join(" ", distFlags), distFlags);
        List<String> withArchive = new ArrayList<>(distFlags);
        withArchive.add("-XX:SharedArchiveFile=" + archive);
        variants.put(String.join(" ", distFlags) + " + AppCDS archive", withArchive);
        System.out.printf(
                "start-to-ready of the testing provider plugin, AutoMTLS on, %d starts each (median / min / max, ms)%n",
                starts);
        Map<String, List<String>> starting = new LinkedHashMap<>();
        variants.forEach((label, flags) -> starting.put(label, testingProvider(flags, classPath)));
        startToReady(starting, starts);

        System.out.printf(
                "%nPlanResourceChange round trip over the Unix socket with AutoMTLS, %d calls each in %d rounds%n",
                calls, ROUNDS);
        Map<String, List<String>> calling = new LinkedHashMap<>();
        calling.put("echo plugin on the default JVM", TestPlugin.command("serve", List.of(), classPath));
        calling.put("echo plugin on C1 only + AppCDS", TestPlugin.command("serve", withArchive, classPath));
        // The same call planned for real by the provider framework's testing provider.
        calling.put("testing provider on C1 only + AppCDS", testingProvider(withArchive, classPath));
        roundTrip(calling, calls);
    }

    private static List<String> testingProvider(List<String> jvmFlags, String classPath) {
        return TestPlugin.javaCommand(jvmFlags, classPath, "io.netform.provider.testing.TestingProvider");
    }

    /**
     * A dynamic AppCDS archive of the classes a plugin loads from start to Shutdown. The JVM writes
     * it while exiting, which takes longer than a host's grace period, so this drives the plugin by
     * hand and waits for it.
     */
    private static void createClassDataArchive(String classPath, Path archive)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        testingProvider(List.of("-XX:ArchiveClassesAtExit=" + archive), classPath))
                .redirectError(archive.resolveSibling("archive-run.log").toFile());
        builder.environment().put(MagicCookie.TERRAFORM.key(), MagicCookie.TERRAFORM.value());
        builder.environment().put(ProtocolVersions.ENVIRONMENT_VARIABLE, "6");
        PluginCertificate host = PluginCertificate.generate();
        builder.environment().put(PluginCertificate.CLIENT_CERT_ENVIRONMENT_VARIABLE, host.pem());
        Process plugin = builder.start();
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(plugin.getInputStream(), StandardCharsets.UTF_8));
        HandshakeLine handshake = HandshakeLine.parse(stdout.readLine());
        // The JVM reports on stdout while it writes the archive; an unread pipe would stall it.
        Thread drain = new Thread(() -> stdout.lines().forEach(line -> {}), "archive-run stdout");
        drain.setDaemon(true);
        drain.start();
        try (PluginTransport transport = PluginTransport.open()) {
            ManagedChannel channel = transport.channel(
                    handshake.address(),
                    PluginTransport.clientTls(
                            host, PluginCertificate.parseHandshakeField(handshake.serverCertificate())));
            planOnce(ProviderGrpc.newBlockingStub(channel), request());
            GRPCControllerGrpc.newBlockingStub(channel).shutdown(Empty.getDefaultInstance());
            channel.shutdownNow();
        }
        if (!plugin.waitFor(2, TimeUnit.MINUTES) || !Files.exists(archive)) {
            plugin.destroyForcibly();
            throw new IllegalStateException("the JVM did not write the AppCDS archive " + archive + "; see "
                    + archive.resolveSibling("archive-run.log"));
        }
    }

    /**
     * Starts each variant in turn, {@code starts} times over: this machine's speed drifts over
     * minutes, and taking turns gives every variant the same mix of fast and slow moments.
     */
    private static void startToReady(Map<String, List<String>> variants, int starts) {
        Map<String, long[]> handshake = new LinkedHashMap<>();
        Map<String, long[]> ready = new LinkedHashMap<>();
        variants.keySet().forEach(label -> {
            handshake.put(label, new long[starts]);
            ready.put(label, new long[starts]);
        });
        for (int i = 0; i < starts; i++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                RecordingLogSink sink = new RecordingLogSink();
                PluginLaunch launch =
                        PluginLaunch.of("bench", variant.getValue()).withLogSink(sink);
                long begin = System.nanoTime();
                PluginClient plugin = PluginClient.launch(launch);
                ready.get(variant.getKey())[i] = System.nanoTime() - begin;
                plugin.close();
                handshake.get(variant.getKey())[i] = Duration.between(
                                sink.awaitMessage("plugin started").timestamp(),
                                sink.awaitMessage("plugin handshake received").timestamp())
                        .toNanos();
            }
        }
        variants.keySet()
                .forEach(label -> System.out.printf(
                        "  %-58s launch->handshake %s   launch->healthy %s%n",
                        label, summary(handshake.get(label)), summary(ready.get(label))));
    }

    /**
     * The round trip of each plugin: all are warmed up first, then they take turns, a round of
     * {@code calls / ROUNDS} calls each, so that the machine's drift reaches them all alike. Each
     * round's median is printed too, to show how far the machine drifted.
     */
    private static void roundTrip(Map<String, List<String>> commands, int calls) {
        PlanResourceChange.Request request = request();
        int perRound = calls / ROUNDS;
        List<Timing> timings = new ArrayList<>();
        try {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                PluginLaunch launch =
                        PluginLaunch.of("bench", command.getValue()).withLogSink((plugin, record) -> {});
                Timing timing = new Timing(command.getKey(), PluginClient.launch(launch), perRound * ROUNDS);
                timings.add(timing);
                for (int i = 0; i < calls; i++) {
                    planOnce(timing.provider, request);
                }
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Timing timing : timings) {
                    timing.round(request, perRound);
                }
            }
            timings.forEach(timing -> timing.print(request.getSerializedSize()));
        } finally {
            timings.forEach(timing -> timing.plugin.close());
        }
    }

    /** The calls to one plugin, its CPU and the host's while they ran. */
    private static final class Timing {
        private final String label;
        private final PluginClient plugin;
        private final ProviderGrpc.ProviderBlockingStub provider;
        private final long[] nanos;
        private final long[] roundMedians = new long[ROUNDS];
        private int made;
        private int rounds;
        private long hostCpu;
        private long pluginCpu;

        Timing(String label, PluginClient plugin, int calls) {
            this.label = label;
            this.plugin = plugin;
            this.provider = ProviderGrpc.newBlockingStub(plugin.channel());
            this.nanos = new long[calls];
        }

        void round(PlanResourceChange.Request request, int calls) {
            long hostBefore = hostCpuNanos();
            long pluginBefore = processCpuNanos(plugin.pid());
            int first = made;
            for (int i = 0; i < calls; i++) {
                long begin = System.nanoTime();
                planOnce(provider, request);
                nanos[made++] = System.nanoTime() - begin;
            }
            hostCpu += hostCpuNanos() - hostBefore;
            pluginCpu += processCpuNanos(plugin.pid()) - pluginBefore;
            long[] round = Arrays.copyOfRange(nanos, first, made);
            Arrays.sort(round);
            roundMedians[rounds++] = round[round.length / 2];
        }

        void print(int requestBytes) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            StringBuilder medians = new StringBuilder();
            for (long median : roundMedians) {
                medians.append(medians.length() == 0 ? "" : " ").append(Math.round(median / 1e3));
            }
            System.out.printf(
                    "  %-36s request %d B: median %.0f µs, p90 %.0f µs, p99 %.0f µs, max %.0f µs;"
                            + " CPU per call: host %.0f µs, plugin %.0f µs; medians by round: %s µs%n",
                    label,
                    requestBytes,
                    sorted[sorted.length / 2] / 1e3,
                    sorted[sorted.length * 90 / 100] / 1e3,
                    sorted[sorted.length * 99 / 100] / 1e3,
                    sorted[sorted.length - 1] / 1e3,
                    hostCpu / 1e3 / sorted.length,
                    pluginCpu / 1e3 / sorted.length,
                    medians);
        }
    }

    private static long hostCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User and system time of a process from /proc, in clock ticks of 10 ms. */
    private static long processCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test class path with every directory packed into a jar, as a provider ships: AppCDS
     * archives only classes from jars.
     */
    private static String jarredClassPath(Path work) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = work.resolve("classes-" + entries.size() + ".jar");
                packJar(path, jar);
                entries.add(jar.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void packJar(Path directory, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(
                        new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    /** One call as the engine makes it: a blocking stub without a deadline. */
    private static void planOnce(ProviderGrpc.ProviderBlockingStub provider, PlanResourceChange.Request request) {
        PlanResourceChange.Response response = provider.planResourceChange(request);
        if (response.getDiagnosticsCount() > 0
                || response.getPlannedState().getMsgpack().isEmpty()) {
            throw new IllegalStateException("the plugin did not plan: " + response.getDiagnosticsList());
        }
    }

    /** A request the size of a real one: prior, proposed and config of a testing_object. */
    private static PlanResourceChange.Request request() {
        return PlanResourceChange.Request.newBuilder()
                .setTypeName("testing_object")
                .setPriorState(object("prior", true))
                .setProposedNewState(object("proposed", true))
                .setConfig(object("config", false))
                .build();
    }

    private static DynamicValue object(String value, boolean withComputed) {
        try (MessageBufferPacker msgpack = MessagePack.newDefaultBufferPacker()) {
            // testing_object's attributes, so that the testing provider can plan it for real.
            msgpack.packMapHeader(8);
            msgpack.packString("fail_on_create").packNil();
            msgpack.packString("name").packString("web-frontend-segment");
            msgpack.packString("value").packString(value + " value of the benchmark object");
            msgpack.packString("secret").packNil();
            msgpack.packString("tags").packMapHeader(3);
            for (String key : List.of("environment", "team", "cluster")) {
                msgpack.packString(key).packString(key + "-tag-value");
            }
            msgpack.packString("item").packArrayHeader(2);
            for (int i = 0; i < 2; i++) {
                msgpack.packMapHeader(2)
                        .packString("key")
                        .packString("k" + i)
                        .packString("value")
                        .packString("v" + i);
            }
            msgpack.packString("id");
            if (withComputed) {
                msgpack.packString("4f6c1e0a-2c1b-4d8e-9a57-0d3c1f1b2a99");
            } else {
                msgpack.packNil();
            }
            msgpack.packString("created_at");
            if (withComputed) {
                msgpack.packString("2026-11-26T12:00:00.123456789Z");
            } else {
                msgpack.packNil();
            }
            return DynamicValue.newBuilder()
                    .setMsgpack(ByteString.copyFrom(msgpack.toByteArray()))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("msgpack into memory failed", e);
        }
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                "%4d / %4d / %4d",
                sorted[sorted.length / 2] / 1_000_000, sorted[0] / 1_000_000, sorted[sorted.length - 1] / 1_000_000);
    }
}
