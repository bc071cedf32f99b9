package io.netform.addrs;

/** The key of one instance of a resource or module: none, a count index or a for_each key. */
public sealed interface InstanceKey extends Comparable<InstanceKey> {

    /** The key of a resource or module that uses neither count nor for_each. */
    InstanceKey NONE = new None();

    /** The count index {@code i}. */
    static InstanceKey of(int i) {
        return new CountIndex(i);
    }

    /** The for_each key {@code k}. */
    static InstanceKey of(String k) {
        return new EachKey(k);
    }

    /** The key as it follows an address: empty, {@code [0]} or {@code ["name"]}. */
    String suffix();

    /** The key as it appears in state's {@code index_key}: null, a number or a string. */
    Object stateValue();

    @Override
    default int compareTo(InstanceKey other) {
        int byKind = Integer.compare(kindOrder(), other.kindOrder());
        if (byKind != 0) {
            return byKind;
        }
        if (this instanceof CountIndex a && other instanceof CountIndex b) {
            return Integer.compare(a.value(), b.value());
        }
        if (this instanceof EachKey a && other instanceof EachKey b) {
            return a.value().compareTo(b.value());
        }
        return 0;
    }

    private int kindOrder() {
        return this instanceof None ? 0 : this instanceof CountIndex ? 1 : 2;
    }

    /** No key. */
    record None() implements InstanceKey {
        @Override
        public String suffix() {
            return "";
        }

        @Override
        public Object stateValue() {
            return null;
        }

        @Override
        public String toString() {
            return "";
        }
    }

    /** A count index. */
    record CountIndex(int value) implements InstanceKey {
        @Override
        public String suffix() {
            return "[" + value + "]";
        }

        @Override
        public Object stateValue() {
            return value;
        }

        @Override
        public String toString() {
            return suffix();
        }
    }

    /** A for_each key. */
    record EachKey(String value) implements InstanceKey {
        public EachKey {
            java.util.Objects.requireNonNull(value, "key");
        }

        @Override
        public String suffix() {
            return "[" + io.netform.value.Value.quote(value) + "]";
        }

        @Override
        public Object stateValue() {
            return value;
        }

        @Override
        public String toString() {
            return suffix();
        }
    }
}
