package io.netform.plan;

/** A plan file that cannot be written or read; the message names the file and says what is wrong. */
public final class PlanFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanFileException(String message) {
        super(message);
    }
}
