package io.netform.value;

/**
 * A value cannot be converted to the wanted type; the message names where inside the value, e.g.
 * {@code attribute "subnet": element 0: a number is required}.
 */
public final class ConversionException extends Exception {
    private final transient AttributePath path;
    private final String reason;

    public ConversionException(AttributePath path, String reason) {
        super(path.isRoot() ? reason : path.describe() + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** Where inside the converted value the problem is; the root path for the value itself. */
    public AttributePath path() {
        return path;
    }

    /** The problem without the path, e.g. {@code a number is required}. */
    public String reason() {
        return reason;
    }
}
