package io.netform.hcl;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Benchmark (not a test): parses a generated 10,000-line module of 2,000 resource-like blocks with
 * templates, for expressions and function calls, and prints the parse time after warm-up and the
 * bytes allocated per parse. Run, after {@code mvn -q -pl engine -am test-compile}:
 * {@code java -cp engine/target/classes:engine/target/test-classes io.netform.hcl.HclParseBenchmark}
 */
public final class HclParseBenchmark {
    private static final int BLOCKS = 2_000;
    private static final int WARMUP = 40;
    private static final int MEASURED = 25;

    private HclParseBenchmark() {}

    /** Generates the module, warms up, measures and prints the figures. */
    public static void main(String[] args) {
        String module = generateModule();
        long lines = module.chars().filter(c -> c == '\n').count();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();

        for (int i = 0; i < WARMUP; i++) {
            check(HclParser.parseFile("bench.tf", module));
        }
        long[] parseNanos = new long[MEASURED];
        long[] parseCpuNanos = new long[MEASURED];
        long allocated = 0;
        for (int i = 0; i < MEASURED; i++) {
            long bytesBefore = threads.getThreadAllocatedBytes(threadId);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            ParseResult<Body> result = HclParser.parseFile("bench.tf", module);
            parseNanos[i] = System.nanoTime() - start;
            parseCpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
            allocated += threads.getThreadAllocatedBytes(threadId) - bytesBefore;
            check(result);
        }
        long[] formatNanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            HclFormatter.format("bench.tf", module);
            formatNanos[i] = System.nanoTime() - start;
        }
        System.out.printf("module: %d lines, %d blocks, %d KiB%n", lines, BLOCKS, module.length() / 1024);
        System.out.printf(
                "parse:  median %.1f ms, best %.1f ms (after %d warm-up runs)%n",
                median(parseNanos) / 1e6, min(parseNanos) / 1e6, WARMUP);
        // CPU time of the parsing thread is steadier than wall time on a shared machine
        System.out.printf(
                "parse CPU time: median %.1f ms, best %.1f ms%n",
                median(parseCpuNanos) / 1e6, min(parseCpuNanos) / 1e6);
        System.out.printf("parse allocation: %.1f MiB per parse%n", allocated / (double) MEASURED / (1 << 20));
        System.out.printf("fmt:    median %.1f ms (parse + format)%n", median(formatNanos) / 1e6);
    }

    private static void check(ParseResult<Body> result) {
        if (result.hasErrors() || result.value().blocks().size() != BLOCKS) {
            throw new IllegalStateException("the generated module did not parse cleanly: " + result.diagnostics());
        }
    }

    /** A module of 2,000 resource-like blocks with templates, for expressions and function calls. */
    public static String generateModule() {
        StringBuilder out = new StringBuilder(BLOCKS * 330);
        for (int n = 0; n < BLOCKS; n++) {
            out.append("resource \"nsxt_policy_segment\" \"seg_")
                    .append(n)
                    .append("\" {\n")
                    .append("  display_name = \"seg-${var.env}-")
                    .append(n)
                    .append("-%{if ")
                    .append(n)
                    .append(" % 2 == 0}even%{else}odd%{endif}\"\n")
                    .append("  subnets      = [for i, c in var.cidrs : cidrsubnet(c, 12, ")
                    .append(n)
                    .append(" + i) if i < 3]\n")
                    .append("  tags         = merge(local.tags, { index = ")
                    .append(n)
                    .append(", name = upper(\"seg-")
                    .append(n)
                    .append("\"), path = var.t1[")
                    .append(n)
                    .append(" % 4].path })\n")
                    .append("}\n");
        }
        return out.toString();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }
}
