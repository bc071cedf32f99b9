package io.netform.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints how fast the codecs encode and decode a state-sized value: 2,000 segment objects with a
 * set, a map and a nested list each. Run with
 * {@code mvn -q -pl sdk exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.netform.value.ValueCodecBenchmark}.
 */
public final class ValueCodecBenchmark {
    private static final int SEGMENTS = 2_000;
    private static final int ROUNDS = 30;

    private ValueCodecBenchmark() {}

    public static void main(String[] args) throws Exception {
        Value state = segments();
        Type type = state.type();
        for (int warmup = 0; warmup < 10; warmup++) {
            MsgpackCodec.decode(MsgpackCodec.encode(state, type), type);
            CtyJson.decode(CtyJson.encode(state, type), type);
        }
        byte[] msgpack = MsgpackCodec.encode(state, type);
        String json = CtyJson.encode(state, type);
        report("msgpack encode", msgpack.length, () -> MsgpackCodec.encode(state, type));
        report("msgpack decode", msgpack.length, () -> MsgpackCodec.decode(msgpack, type));
        report("json    encode", json.length(), () -> CtyJson.encode(state, type));
        report("json    decode", json.length(), () -> CtyJson.decode(json, type));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void report(String what, int bytes, Work work) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            work.run();
        }
        double millis = (System.nanoTime() - start) / 1e6 / ROUNDS;
        System.out.printf(
                "%s: %8.2f ms per %d-segment value (%d bytes), %6.1f MB/s%n",
                what, millis, SEGMENTS, bytes, bytes / 1e3 / millis);
    }

    private static Value segments() {
        List<Value> segments = new ArrayList<>(SEGMENTS);
        for (int i = 0; i < SEGMENTS; i++) {
            segments.add(Value.object(Map.of(
                    "id", Value.string("segment-" + i),
                    "display_name", Value.string("Segment " + i + " of cluster prod-eu"),
                    "vlan_ids", Value.set(Type.NUMBER, List.of(Value.number(i % 4094), Value.number(100))),
                    "mtu", Value.number(1500),
                    "ratio", Value.number(new BigDecimal("0.1")),
                    "tags",
                            Value.map(
                                    Type.STRING,
                                    Map.of("cluster", Value.string("prod-eu"), "namespace", Value.string("ns-" + i))),
                    "subnets",
                            Value.list(
                                    Type.object(Map.of("cidr", Type.STRING, "gateway", Type.STRING)),
                                    List.of(Value.object(Map.of(
                                            "cidr",
                                            Value.string("10." + (i % 256) + ".0.0/24"),
                                            "gateway",
                                            Value.string("10." + (i % 256) + ".0.1/24"))))),
                    "description", Value.nullOf(Type.STRING),
                    "admin_up", Value.TRUE)));
        }
        return Value.list(segments);
    }
}
