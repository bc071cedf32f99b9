package io.netform.nsxsim.policy;

/** Carries an {@link NsxError} out of the code that detected it to the response writer. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient NsxError error;

    /** Wraps the error; the message is the NSX error message. */
    public ApiException(NsxError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    /** The error to send. */
    public NsxError error() {
        return error;
    }
}
