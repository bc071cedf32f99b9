package io.netform.plugins;

import io.netform.value.Type;
import java.util.List;
import java.util.Optional;

/**
 * A function a provider offers (Terraform 1.8's provider-defined functions), as GetProviderSchema or
 * GetFunctions declares it: positional parameters, an optional variadic one, the return type and
 * its documentation.
 */
public record FunctionSignature(
        List<Parameter> parameters,
        Optional<Parameter> variadic,
        Type returnType,
        String summary,
        String description,
        String deprecationMessage) {

    /**
     * One parameter: arguments are converted to {@code type}; unless allowed, a null argument is an
     * error and an argument that is not wholly known makes the result unknown without calling.
     */
    public record Parameter(String name, Type type, boolean allowNull, boolean allowUnknown, String description) {}

    public FunctionSignature {
        parameters = List.copyOf(parameters);
    }
}
