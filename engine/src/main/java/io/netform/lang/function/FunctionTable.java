package io.netform.lang.function;

import io.netform.lang.Functions;
import io.netform.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * Terraform's built-in functions as the evaluator calls them. While validating, impure functions
 * (timestamp) give unknown results, as Terraform's do, so validation never depends on the moment.
 */
public final class FunctionTable implements Functions {

    private final FunctionRegistry registry;
    private final boolean validating;

    /** The functions for evaluating configuration for real (plan, apply, console). */
    public FunctionTable(FunctionRegistry registry) {
        this(registry, false);
    }

    private FunctionTable(FunctionRegistry registry, boolean validating) {
        this.registry = registry;
        this.validating = validating;
    }

    /** The functions for a validate walk: impure functions check their arguments but return unknown. */
    public static FunctionTable forValidation(FunctionRegistry registry) {
        return new FunctionTable(registry, true);
    }

    /** True if this table is for a validate walk. */
    public boolean isValidating() {
        return validating;
    }

    @Override
    public boolean exists(String name) {
        return registry.lookup(name).isPresent();
    }

    @Override
    public Value call(String name, List<Value> args) throws FunctionException {
        Optional<Function> function = registry.lookup(name);
        if (function.isEmpty()) {
            throw new FunctionException("there is no function named \"" + name + "\"");
        }
        Function f = function.get();
        return (validating && f.isImpure() ? f.unpredictable() : f).call(args);
    }
}
