package io.netform.state;

/** A state file that cannot be read; the message names the file and what is wrong with it. */
public final class StateFormatException extends RuntimeException {
    public StateFormatException(String message) {
        super(message);
    }

    public StateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
