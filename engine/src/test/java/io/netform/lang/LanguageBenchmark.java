package io.netform.lang;

import com.sun.management.ThreadMXBean;
import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.HclParseBenchmark;
import io.netform.hcl.HclParser;
import io.netform.hcl.ParseResult;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.value.Type;
import io.netform.value.Value;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parses and evaluates a generated module of 2,000 resource-like blocks (templates, for expressions,
 * function calls) and prints the time per pass after warm-up and the bytes allocated per pass.
 * Run: {@code mvn -q -pl engine -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}
 * then {@code java -cp engine/target/test-classes:engine/target/classes:$(cat /tmp/cp.txt) io.netform.lang.LanguageBenchmark}.
 */
public final class LanguageBenchmark {

    private LanguageBenchmark() {}

    public static void main(String[] args) {
        String module = HclParseBenchmark.generateModule();
        Scope scope = Scope.of(
                Map.of(
                        "var",
                                Value.object(Map.of(
                                        "env", Value.string("dev"),
                                        "cidrs",
                                                Value.list(
                                                        Type.STRING,
                                                        List.of(
                                                                Value.string("10.0.0.0/8"),
                                                                Value.string("100.64.0.0/10"),
                                                                Value.string("172.16.0.0/12"))),
                                        "t1", Value.tuple(List.of(tier1("a"), tier1("b"), tier1("c"), tier1("d"))))),
                        "local", Value.object(Map.of("tags", Value.object(Map.of("env", Value.string("dev")))))),
                new FunctionTable(FunctionRegistry.terraform(Path.of("."))));
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        int warmup = 30;
        int measured = 20;
        long[] nanos = new long[measured];
        long allocated = 0;
        int values = 0;
        for (int i = 0; i < warmup + measured; i++) {
            long bytesBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            values = passOver(module, scope);
            long elapsed = System.nanoTime() - start;
            if (i >= warmup) {
                nanos[i - warmup] = elapsed;
                allocated += threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("lines: %d, values evaluated per pass: %d%n", module.split("\n").length, values);
        System.out.printf(
                "parse + evaluate: median %.1f ms, min %.1f ms, allocated %.1f MiB per pass%n",
                nanos[measured / 2] / 1e6, nanos[0] / 1e6, allocated / (double) measured / (1 << 20));
    }

    private static Value tier1(String name) {
        return Value.object(Map.of("path", Value.string("/infra/tier-1s/" + name)));
    }

    private static int passOver(String module, Scope scope) {
        ParseResult<Body> parsed = HclParser.parseFile("bench.tf", module);
        List<Value> results = new ArrayList<>();
        for (Block block : parsed.value().blocks()) {
            for (Attribute a : block.body().attributes()) {
                Evaluation e = Evaluator.evaluate(a.expression(), scope);
                if (e.hasErrors()) {
                    throw new IllegalStateException("benchmark module does not evaluate: " + e.diagnostics());
                }
                results.add(e.value());
            }
        }
        return results.size();
    }
}
