package io.netform.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the engine's figures for issue 5 by running the real distribution on generated
 * configurations of {@code testing_object} instances: zero-latency apply and re-plan of 1,000 and
 * 10,000 instances, a 50 ms-latency apply against its parallel lower bound, and the bytes an apply
 * writes to disk against the final state's size.
 *
 * <p>Run from the repository root after {@code mvn -B -q -DskipTests package -pl dist -am}:
 * {@code java -cp dist/target/test-classes io.netform.dist.EngineBenchmark [SMALL LARGE | scaling | latency | writes]}.
 * The system property {@code netform.home} overrides the distribution ({@code dist/target/netform}).
 */
public final class EngineBenchmark {

    private static final int LATENCY_INSTANCES = 500;
    private static final int LATENCY_MS = 50;
    private static final int PARALLELISM = 10;
    private static final int LATENCY_RUNS = 5;
    private static final int WRITE_INSTANCES = 5_000;
    /** SerialGC logs each collection as {@code 123M->45M(678M)}: heap used before, after, and committed. */
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");
    private static final Pattern WRITE_BYTES = Pattern.compile("(?m)^write_bytes: (\\d+)$");

    private final Path netform;

    private EngineBenchmark(Path netform) {
        this.netform = netform;
    }

    /**
     * Runs every figure; arguments: the small and large instance counts (default 1000 and 10000), or one of
     * {@code scaling}, {@code latency}, {@code writes} to run only that part.
     */
    public static void main(String[] args) throws Exception {
        String only = args.length == 1 && !args[0].matches("\\d+") ? args[0] : "all";
        int small = args.length > 1 ? Integer.parseInt(args[0]) : 1_000;
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path home = Path.of(System.getProperty("netform.home", "dist/target/netform"));
        Path netform = home.resolve("bin/netform").toAbsolutePath();
        if (!Files.isExecutable(netform)) {
            throw new IllegalStateException(
                    netform + " is missing: build it with mvn -B -q -DskipTests package -pl dist -am");
        }
        EngineBenchmark bench = new EngineBenchmark(netform);
        if (only.equals("all") || only.equals("scaling")) {
            bench.scaling(small, large);
        }
        if (only.equals("all") || only.equals("latency")) {
            bench.latency();
        }
        if (only.equals("all") || only.equals("writes")) {
            bench.diskWrites();
        }
    }

    /** Wall time, CPU time per instance beyond a one-instance baseline, and peak heap, for two sizes. */
    private void scaling(int small, int large) throws IOException, InterruptedException {
        System.out.printf(
                "== Zero latency (CLI run with -Xmx1g; in-memory provider store; re-plan with -refresh=false)%n");
        Timings base = applyAndPlan(1, 0);
        System.out.printf(
                "baseline, 1 instance: apply %.2f s wall %.2f s CPU, plan %.2f s wall %.2f s CPU%n",
                base.apply.seconds(), base.apply.cpuSeconds, base.plan.seconds(), base.plan.cpuSeconds);
        Timings s = applyAndPlan(small, 0);
        Timings l = applyAndPlan(large, 0);
        for (Timings t : List.of(s, l)) {
            System.out.printf(
                    "%,7d instances: apply %7.2f s wall, %6.3f ms CPU/instance, heap %4d MiB"
                            + " | plan %7.2f s wall, %6.3f ms CPU/instance, heap %4d MiB%n",
                    t.instances,
                    t.apply.seconds(),
                    perInstanceMs(t.apply, base.apply, t.instances),
                    t.apply.peakHeapMiB,
                    t.plan.seconds(),
                    perInstanceMs(t.plan, base.plan, t.instances),
                    t.plan.peakHeapMiB);
        }
        System.out.printf(
                "ratio %d/%d of engine CPU time (target <= %.1f): apply %.2f, plan %.2f;"
                        + " of wall time: apply %.2f, plan %.2f%n",
                large,
                small,
                1.1 * large / small,
                engineCpu(l.apply, base.apply) / engineCpu(s.apply, base.apply),
                engineCpu(l.plan, base.plan) / engineCpu(s.plan, base.plan),
                l.apply.seconds() / s.apply.seconds(),
                l.plan.seconds() / s.plan.seconds());
        System.out.printf("(engine CPU = user + system time of the CLI and its plugins less the 1-instance baseline's,"
                + " as the machine may be shared; heap = most in use before any collection, from -Xlog:gc)%n%n");
    }

    /**
     * A 50 ms apply of independent instances against N / parallelism x latency, run several times: on a
     * shared machine one run can be several points off, so the figure is the median run.
     */
    private void latency() throws IOException, InterruptedException {
        System.out.printf(
                "== %d ms latency per call, -parallelism=%d, %d independent instances, %d runs%n",
                LATENCY_MS, PARALLELISM, LATENCY_INSTANCES, LATENCY_RUNS);
        Path zeroDir = workspace(LATENCY_INSTANCES, 0);
        Run zero = netform(zeroDir, "apply", "-auto-approve", "-no-color", "-parallelism=" + PARALLELISM);
        System.out.printf(
                "at 0 ms: apply phase (first \"Creating...\" to \"Apply complete!\") %.2f s, whole command"
                        + " %.2f s, %.1f ms per create per slot%n",
                zero.applyPhaseSeconds(), zero.seconds(), zero.steadySlotMillis(PARALLELISM));
        delete(zeroDir);
        // A create waits on two calls in the apply: the final PlanResourceChange, then ApplyResourceChange
        // (new objects are not refreshed first).
        int perInstanceMs = 2 * LATENCY_MS;
        double bound = (double) LATENCY_INSTANCES / PARALLELISM * perInstanceMs / 1000;
        System.out.printf(
                "lower bound %.2f s = %d creates / %d at once x %d ms (each create waits on two calls of"
                        + " %d ms: the final PlanResourceChange and ApplyResourceChange)%n",
                bound, LATENCY_INSTANCES, PARALLELISM, perInstanceMs, LATENCY_MS);
        List<Double> offBound = new ArrayList<>();
        for (int i = 1; i <= LATENCY_RUNS; i++) {
            Path slowDir = workspace(LATENCY_INSTANCES, LATENCY_MS);
            Run slow = netform(slowDir, "apply", "-auto-approve", "-no-color", "-parallelism=" + PARALLELISM);
            double off = 100 * (slow.applyPhaseSeconds() - bound) / bound;
            offBound.add(off);
            double steady = slow.steadySlotMillis(PARALLELISM);
            System.out.printf(
                    "run %d: apply phase %.2f s, %+.1f %% off the bound; whole command %.2f s; creates under"
                            + " way at once: at most %d, on average %.1f; second half of the creates: %.1f ms per create per"
                            + " slot, i.e. %.1f ms of engine, transport and provider overhead per create%n",
                    i,
                    slow.applyPhaseSeconds(),
                    off,
                    slow.seconds(),
                    slow.peakInFlight,
                    slow.meanInFlight,
                    steady,
                    steady - perInstanceMs);
            delete(slowDir);
        }
        List<Double> sorted = offBound.stream().sorted().toList();
        System.out.printf(
                "median of %d runs: apply phase %+.1f %% off the bound (target within 15 %%); best %+.1f %%,"
                        + " worst %+.1f %%%n%n",
                LATENCY_RUNS, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** Bytes the CLI process caused to be written to storage during an apply, against the state it leaves. */
    private void diskWrites() throws IOException, InterruptedException {
        System.out.printf("== Disk writes during an apply of %,d instances%n", WRITE_INSTANCES);
        Path dir = workspace(WRITE_INSTANCES, 0);
        Path journal = dir.resolve("terraform.tfstate.journal");
        JournalWatch watch = new JournalWatch(journal);
        watch.start();
        Run apply = netform(dir, "apply", "-auto-approve", "-no-color");
        watch.interrupt();
        watch.join();
        long state = Files.size(dir.resolve("terraform.tfstate"));
        Path backup = dir.resolve("terraform.tfstate.backup");
        long backupSize = Files.exists(backup) ? Files.size(backup) : 0;
        long written = apply.writeBytes - apply.outputBytes;
        System.out.printf(
                "final state %,d bytes; storage writes of the CLI process (/proc/PID/io write_bytes,"
                        + " less its %,d bytes of stderr and GC log) %,d bytes = %.2f x the state (target < 3)%n",
                state, apply.outputBytes, written, (double) written / state);
        long logical = watch.peak + state + backupSize;
        System.out.printf(
                "logical: journal at its largest seen %,d + state %,d + backup %,d = %,d bytes = %.2f x%n",
                watch.peak, state, backupSize, logical, (double) logical / state);
        System.out.printf("(write_bytes counts whole pages: each fsync of the journal writes its last page again)%n");
        delete(dir);
    }

    private Timings applyAndPlan(int instances, int latencyMs) throws IOException, InterruptedException {
        Path dir = workspace(instances, latencyMs);
        Run apply = netform(dir, "apply", "-auto-approve", "-no-color");
        Run plan = netform(dir, "plan", "-refresh=false", "-no-color");
        if (!plan.out.contains("No changes.")) {
            throw new IllegalStateException("the re-plan of " + instances + " instances found changes:\n" + plan.out);
        }
        delete(dir);
        return new Timings(instances, apply, plan);
    }

    /** A directory with {@code instances} testing_objects, already initialised. */
    private Path workspace(int instances, int latencyMs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("netform-bench");
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }

                provider "testing" {
                  latency_ms = %d
                }

                resource "testing_object" "bench" {
                  count = %d
                  name  = "bench-${count.index}"
                  value = "value-${count.index}"
                  tags  = { index = tostring(count.index) }
                }
                """.formatted(latencyMs, instances));
        netform(dir, "init", "-no-color");
        return dir;
    }

    /**
     * Runs {@code netform args} in {@code dir} under a shell that, once the CLI has exited and been
     * reaped, prints its own I/O counters and its children's CPU times, which by then include those of
     * the CLI and of the plugins the CLI reaped. Lines of stdout are timed as they arrive, to find the
     * apply phase: from the first {@code Creating...} to {@code Apply complete!}.
     */
    private Run netform(Path dir, String... args) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("netform-bench-run");
        Path gcLog = scratch.resolve("gc.log");
        Path io = scratch.resolve("io");
        Path err = scratch.resolve("err");
        List<String> command = new ArrayList<>(List.of(
                "/bin/sh",
                "-c",
                "\"$@\"; code=$?; { cat /proc/$$/io; times; } > \"$BENCH_IO\"; exit $code",
                "sh",
                netform.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = pb.environment();
        // A blank store keeps the objects in the plugin's memory: the file store rewrites the whole file per call.
        env.put("NETFORM_TESTING_STORE", "");
        env.put("BENCH_IO", io.toString());
        // -Xmx1g proves the run fits in 1 GiB; the GC log gives the peak (its own bytes are left out of the writes)
        env.put("NETFORM_JAVA_OPTS", "-Xmx1g -XX:-UsePerfData -Xlog:gc:file=" + gcLog);
        long start = System.nanoTime();
        Process process = pb.start();
        StringBuilder stdout = new StringBuilder();
        long firstCreate = -1;
        long applied = -1;
        InFlight inFlight = new InFlight();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                inFlight.see(line, System.nanoTime());
                if (firstCreate < 0 && line.endsWith(": Creating...")) {
                    firstCreate = System.nanoTime();
                } else if (line.startsWith("Apply complete!")) {
                    applied = System.nanoTime();
                }
                stdout.append(line).append('\n');
            }
        }
        int code = process.waitFor();
        long nanos = System.nanoTime() - start;
        if (code != 0) {
            throw new IllegalStateException("netform " + String.join(" ", args) + " in " + dir + " exited " + code
                    + "\n" + stdout + "\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        String counters = Files.readString(io);
        Matcher written = WRITE_BYTES.matcher(counters);
        long ownBytes = Files.size(err) + (Files.exists(gcLog) ? Files.size(gcLog) : 0);
        Run run = new Run(
                nanos,
                childCpuSeconds(counters),
                firstCreate < 0 || applied < 0 ? -1 : applied - firstCreate,
                inFlight.peak,
                inFlight.mean(),
                inFlight.secondHalfNanos(),
                inFlight.completions.size(),
                stdout.toString(),
                peakHeapMiB(gcLog),
                written.find() ? Long.parseLong(written.group(1)) : -1,
                ownBytes);
        delete(scratch);
        return run;
    }

    /** The user + system time of the shell's children, the second line {@code times} prints. */
    private static double childCpuSeconds(String counters) {
        Matcher m = TIMES.matcher(counters);
        double seconds = -1;
        for (int line = 0; line < 2 && m.find(); line++) {
            seconds = Integer.parseInt(m.group(1)) * 60
                    + Double.parseDouble(m.group(2))
                    + Integer.parseInt(m.group(3)) * 60
                    + Double.parseDouble(m.group(4));
        }
        return seconds;
    }

    private static long peakHeapMiB(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return -1;
        }
        long peakKiB = 0;
        Matcher m = GC_LINE.matcher(Files.readString(gcLog));
        while (m.find()) {
            peakKiB = Math.max(peakKiB, kib(m.group(1), m.group(2)));
        }
        return peakKiB / 1024;
    }

    private static long kib(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "G" -> n * 1024 * 1024;
            case "M" -> n * 1024;
            default -> n;
        };
    }

    private static double engineCpu(Run run, Run baseline) {
        return run.cpuSeconds - baseline.cpuSeconds;
    }

    private static double perInstanceMs(Run run, Run baseline, int instances) {
        return engineCpu(run, baseline) * 1000 / (instances - 1);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One finished CLI run: wall and CPU time, its apply phase, stdout, peak heap, storage bytes, bytes of its logs. */
    private record Run(
            long nanos,
            double cpuSeconds,
            long applyPhaseNanos,
            int peakInFlight,
            double meanInFlight,
            long secondHalfNanos,
            int creates,
            String out,
            long peakHeapMiB,
            long writeBytes,
            long outputBytes) {
        double seconds() {
            return nanos / 1e9;
        }

        /** How long one create held one of {@code parallelism} slots, from the pace of the second half of the creates. */
        double steadySlotMillis(int parallelism) {
            return secondHalfNanos / 1e6 * parallelism / (creates - creates / 2);
        }

        double applyPhaseSeconds() {
            return applyPhaseNanos / 1e9;
        }
    }

    /** Creates under way, from the progress lines: how many at most and on average over the time any was. */
    private static final class InFlight {
        private final List<Long> completions = new ArrayList<>();
        private int now;
        private int peak;
        private long last;
        private double integral;
        private long busy;

        void see(String line, long at) {
            boolean started = line.endsWith(": Creating...");
            boolean finished = line.contains(": Creation complete");
            if (!started && !finished) {
                return;
            }
            if (now > 0) {
                integral += (double) now * (at - last);
                busy += at - last;
            }
            last = at;
            now += started ? 1 : -1;
            peak = Math.max(peak, now);
            if (finished) {
                completions.add(at);
            }
        }

        /** From the completion at the middle to the last one. */
        long secondHalfNanos() {
            return completions.size() < 2
                    ? 0
                    : completions.get(completions.size() - 1) - completions.get(completions.size() / 2);
        }

        double mean() {
            return busy == 0 ? 0 : integral / busy;
        }
    }

    /** The apply and the following plan of one configuration. */
    private record Timings(int instances, Run apply, Run plan) {}

    /** Samples the journal's size while an apply runs, since the apply removes it at the end. */
    private static final class JournalWatch extends Thread {
        private final Path journal;
        private volatile long peak;

        JournalWatch(Path journal) {
            this.journal = journal;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    if (Files.exists(journal)) {
                        peak = Math.max(peak, Files.size(journal));
                    }
                    Thread.sleep(5);
                } catch (IOException e) {
                    // removed between the check and the size: the apply has finished with it
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
