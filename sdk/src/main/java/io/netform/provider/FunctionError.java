package io.netform.provider;

import java.util.OptionalInt;

/**
 * What a {@link ProviderFunction} throws when it cannot compute a result: the text the user sees
 * and, when one argument is at fault, its 0-based index, so the host points at that argument.
 */
public final class FunctionError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient OptionalInt argument;

    /** A failure of the call as a whole. */
    public FunctionError(String text) {
        this(text, OptionalInt.empty());
    }

    private FunctionError(String text, OptionalInt argument) {
        super(text);
        this.argument = argument;
    }

    /** A failure caused by argument {@code index} (0-based, counting variadic arguments too). */
    public static FunctionError argument(int index, String text) {
        return new FunctionError(text, OptionalInt.of(index));
    }

    /** The text the user sees. */
    public String text() {
        return getMessage();
    }

    /** The argument at fault, if one is. */
    public OptionalInt argumentIndex() {
        return argument;
    }
}
