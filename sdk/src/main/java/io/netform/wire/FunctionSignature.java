package io.netform.wire;

import io.netform.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider-defined function takes and gives, as GetProviderSchema and GetFunctions declare
 * it: positional parameters, an optional variadic parameter that takes any further arguments, the
 * return type, and its documentation (a one-line summary, a description, and a deprecation message
 * when it should no longer be used).
 */
public record FunctionSignature(
        List<FunctionParameter> parameters,
        Optional<FunctionParameter> variadic,
        Type returnType,
        String summary,
        String description,
        String deprecationMessage) {

    public FunctionSignature {
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(variadic, "variadic");
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(deprecationMessage, "deprecationMessage");
    }

    /** A function of no parameters so far that returns {@code type}; add to it with the withers. */
    public static FunctionSignature returning(Type type) {
        return new FunctionSignature(List.of(), Optional.empty(), type, "", "", "");
    }

    /** This signature with {@code added} after its parameters. */
    public FunctionSignature with(FunctionParameter... added) {
        List<FunctionParameter> all = new ArrayList<>(parameters);
        all.addAll(List.of(added));
        return new FunctionSignature(all, variadic, returnType, summary, description, deprecationMessage);
    }

    /** This signature taking any number of further arguments for {@code parameter}. */
    public FunctionSignature withVariadic(FunctionParameter parameter) {
        return new FunctionSignature(
                parameters, Optional.of(parameter), returnType, summary, description, deprecationMessage);
    }

    public FunctionSignature summarizedAs(String text) {
        return new FunctionSignature(parameters, variadic, returnType, text, description, deprecationMessage);
    }

    public FunctionSignature describedAs(String text) {
        return new FunctionSignature(parameters, variadic, returnType, summary, text, deprecationMessage);
    }

    public FunctionSignature deprecated(String message) {
        return new FunctionSignature(parameters, variadic, returnType, summary, description, message);
    }

    /** The parameter that receives argument {@code index} (0-based), if any. */
    public Optional<FunctionParameter> parameterFor(int index) {
        return index < parameters.size() ? Optional.of(parameters.get(index)) : variadic;
    }
}
