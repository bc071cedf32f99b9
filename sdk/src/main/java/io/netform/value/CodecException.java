package io.netform.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A value or type cannot be encoded or decoded: malformed input, an unknown value asked of JSON, a
 * marked value, or data that does not fit the type. The message names where inside the value.
 */
public final class CodecException extends Exception {
    private final transient AttributePath path;
    private final String reason;

    public CodecException(AttributePath path, String reason) {
        super(path.isRoot() ? reason : path.describe() + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    public CodecException(AttributePath path, String reason, Throwable cause) {
        super(path.isRoot() ? reason : path.describe() + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /**
     * This problem as seen from the value that holds the one it is about: {@code step} leads from
     * there to here. Decoders add the steps as the exception leaves each level.
     */
    CodecException inside(AttributePath.Step step) {
        List<AttributePath.Step> steps = new ArrayList<>(path.steps().size() + 1);
        steps.add(step);
        steps.addAll(path.steps());
        return new CodecException(new AttributePath(steps), reason, getCause());
    }

    /** Where inside the value the problem is; the root path for the value itself. */
    public AttributePath path() {
        return path;
    }

    /** The problem without the path. */
    public String reason() {
        return reason;
    }
}
