package io.netform.walk;

import io.netform.addrs.InstanceKey;
import io.netform.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances a resource or module call has in one module instance: one without a key, one per
 * count index, or one per for_each key (with its {@code each.value}); or not yet known.
 */
public record Expansion(Kind kind, Map<InstanceKey, Value> instances) {

    /** How the instances are keyed. */
    public enum Kind {
        SINGLE,
        COUNT,
        FOR_EACH,
        UNKNOWN
    }

    /** What stands for {@code each.value} where there is none: one value shared by every such instance. */
    private static final Value NO_EACH_VALUE = Value.nullOf(io.netform.value.Type.DYNAMIC);

    /** A single unkeyed instance. */
    public static final Expansion SINGLE = new Expansion(Kind.SINGLE, Map.of(InstanceKey.NONE, NO_EACH_VALUE));

    /** Instances whose number is not known until apply. */
    public static final Expansion UNKNOWN = new Expansion(Kind.UNKNOWN, Map.of());

    public Expansion {
        instances = Collections.unmodifiableMap(new LinkedHashMap<>(instances));
    }

    /** {@code count = n}. */
    public static Expansion count(int n) {
        Map<InstanceKey, Value> keys = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            keys.put(InstanceKey.of(i), NO_EACH_VALUE);
        }
        return new Expansion(Kind.COUNT, keys);
    }

    /** {@code for_each} over these keys and values. */
    public static Expansion forEach(Map<String, Value> each) {
        Map<InstanceKey, Value> keys = new LinkedHashMap<>();
        each.forEach((k, v) -> keys.put(InstanceKey.of(k), v));
        return new Expansion(Kind.FOR_EACH, keys);
    }

    /** The instance keys, in order. */
    public List<InstanceKey> keys() {
        return List.copyOf(instances.keySet());
    }
}
