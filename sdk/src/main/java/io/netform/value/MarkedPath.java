package io.netform.value;

import java.util.Set;

/** The marks found at one path inside a value, as recorded when the value is unmarked. */
public record MarkedPath(AttributePath path, Set<Mark> marks) {
    public MarkedPath {
        marks = Value.markSet(marks);
    }
}
