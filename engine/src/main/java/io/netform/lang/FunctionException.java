package io.netform.lang;

/**
 * A function refused its arguments or failed. {@code argument} is the index of the argument at
 * fault, or -1 when the failure is about the call as a whole.
 */
public final class FunctionException extends Exception {

    private final int argument;

    public FunctionException(int argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The index of the argument at fault, or -1. */
    public int argument() {
        return argument;
    }
}
