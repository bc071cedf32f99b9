package io.netform.value;

/**
 * A label carried by a value and by every value derived from it, e.g. {@link #SENSITIVE}. Marks
 * never reach the wire: they are stripped with their paths before encoding and re-applied after.
 */
public record Mark(String name) implements Comparable<Mark> {
    /** The value must not be shown in plan output, logs or UI. */
    public static final Mark SENSITIVE = new Mark("sensitive");

    public Mark {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a mark needs a name");
        }
    }

    @Override
    public int compareTo(Mark other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
