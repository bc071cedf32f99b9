package io.netform.lang.function;

import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Prints how long typical built-in calls take through the full calling convention (conversion,
 * mark handling, wording), after warm-up. Run from the repository root:
 *
 * <pre>
 * mvn -q -pl engine -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp "engine/target/test-classes:engine/target/classes:$(cat /tmp/cp.txt)" \
 *     io.netform.lang.function.FunctionCallBenchmark
 * </pre>
 */
public final class FunctionCallBenchmark {
    private static final int ROUNDS = 200_000;

    private FunctionCallBenchmark() {}

    public static void main(String[] args) throws FunctionException {
        FunctionRegistry functions = FunctionRegistry.terraform(Path.of("."));
        Map<String, List<Value>> calls = Map.of(
                "cidrsubnet", List.of(Value.string("10.0.0.0/16"), Value.number(8), Value.number(42)),
                "format", List.of(Value.string("%s-%03d"), Value.string("web"), Value.number(7)),
                "jsonencode",
                        List.of(Value.object(Map.of(
                                "name",
                                Value.string("seg"),
                                "tags",
                                Value.tuple(Value.string("a"), Value.string("b").mark(Mark.SENSITIVE))))),
                "lookup", List.of(Value.map(Type.STRING, Map.of("a", Value.string("x"))), Value.string("a")),
                "regex", List.of(Value.string("^(\\w+)-(\\d+)$"), Value.string("web-12")));
        for (int pass = 0; pass < 3; pass++) {
            for (Map.Entry<String, List<Value>> call : calls.entrySet()) {
                Function f = functions.lookup(call.getKey()).orElseThrow();
                long start = System.nanoTime();
                for (int i = 0; i < ROUNDS; i++) {
                    f.call(call.getValue());
                }
                double nanosPerCall = (System.nanoTime() - start) / (double) ROUNDS;
                if (pass == 2) {
                    System.out.printf("%-12s %8.0f ns/call%n", call.getKey(), nanosPerCall);
                }
            }
        }
    }
}
