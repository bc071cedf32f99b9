package io.netform.wire;

import io.netform.value.Type;
import java.util.Objects;

/**
 * One parameter of a provider-defined function: its name (for documentation and errors; arguments
 * are positional) and type, and whether the function accepts a null argument or one that is not
 * wholly known. Unless it does, the host reports a null argument as an error and answers an unknown
 * one itself, without calling the function.
 */
public record FunctionParameter(String name, Type type, boolean allowNull, boolean allowUnknown, String description) {

    public FunctionParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** A parameter of the given type that takes neither null nor unknown arguments; refine it with the withers. */
    public static FunctionParameter of(String name, Type type) {
        return new FunctionParameter(name, type, false, false, "");
    }

    /** A string parameter. */
    public static FunctionParameter string(String name) {
        return of(name, Type.STRING);
    }

    /** The function handles a null argument itself. */
    public FunctionParameter allowingNull() {
        return new FunctionParameter(name, type, true, allowUnknown, description);
    }

    /** The function handles arguments that are, or contain, unknown values itself. */
    public FunctionParameter allowingUnknown() {
        return new FunctionParameter(name, type, allowNull, true, description);
    }

    public FunctionParameter describedAs(String text) {
        return new FunctionParameter(name, type, allowNull, allowUnknown, text);
    }
}
