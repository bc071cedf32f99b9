package io.netform.value;

/**
 * A value cannot be converted to the wanted type. The message is cty's, e.g. {@code number
 * required} or {@code attribute "subnet": element 0: number required}; {@link #path()} says where
 * inside the value the conversion failed.
 */
public final class ConversionException extends Exception {
    private final transient AttributePath path;
    private final String reason;

    public ConversionException(AttributePath path, String reason) {
        super(reason);
        this.path = path;
        this.reason = reason;
    }

    /** Where inside the converted value the problem is; the root path for the value itself. */
    public AttributePath path() {
        return path;
    }

    /** The message, e.g. {@code a number is required}. */
    public String reason() {
        return reason;
    }
}
