package io.netform.value;

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

    /** Where inside the value the problem is; the root path for the value itself. */
    public AttributePath path() {
        return path;
    }

    /** The problem without the path. */
    public String reason() {
        return reason;
    }
}
