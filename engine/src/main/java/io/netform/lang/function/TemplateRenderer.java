package io.netform.lang.function;

import io.netform.value.Value;
import java.util.Map;

/**
 * Renders a template for templatefile. Implemented by the HCL template engine; this package only
 * reads the file and checks the variables.
 */
@FunctionalInterface
public interface TemplateRenderer {
    /** Used when no template engine is wired in: every templatefile call fails saying so. */
    TemplateRenderer UNAVAILABLE = (text, fileName, variables, functions) -> {
        throw new FunctionException("no template engine is available to render " + fileName);
    };

    /**
     * Parses {@code text} (read from {@code fileName}, for source ranges) as an HCL template and
     * evaluates it with {@code variables} and {@code functions}. A template that is a single
     * interpolation yields that value's own type; otherwise the result is a string.
     *
     * @throws FunctionException {@code FunctionException.argument(1, "vars map does not contain key
     *     \"NAME\", referenced at RANGE")} for a variable that is not in the map, or
     *     {@code new FunctionException(diagnostics)} for syntax and evaluation errors
     */
    Value render(String text, String fileName, Map<String, Value> variables, Map<String, Function> functions)
            throws FunctionException;
}
