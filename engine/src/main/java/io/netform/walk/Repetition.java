package io.netform.walk;

import io.netform.addrs.InstanceKey;
import io.netform.value.Value;

/**
 * The {@code count.index} or {@code each.key}/{@code each.value} of the instance an expression is
 * evaluated for, and {@code self} where it is allowed.
 */
public record Repetition(InstanceKey key, Value eachValue, Value self) {

    /** No count, no for_each, no self. */
    public static final Repetition NONE = new Repetition(InstanceKey.NONE, null, null);

    /** The repetition of an instance with {@code key} under {@code expansion}. */
    public static Repetition of(Expansion expansion, InstanceKey key) {
        return new Repetition(
                key,
                expansion.kind() == Expansion.Kind.FOR_EACH
                        ? expansion.instances().get(key)
                        : null,
                null);
    }

    /** This repetition with {@code self} bound. */
    public Repetition withSelf(Value value) {
        return new Repetition(key, eachValue, value);
    }
}
