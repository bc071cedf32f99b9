package io.netform.lang.function;

import io.netform.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * Terraform's built-in functions as the evaluator calls them. In a pure-only table, impure
 * functions (timestamp) check their arguments and give unknown results, as Terraform's do in every
 * walk but apply's: validate and plan never depend on the moment, and a plan shows timestamp() as
 * known after apply.
 */
public final class FunctionTable implements Functions {

    private final FunctionRegistry registry;
    private final boolean pureOnly;

    /** The functions for evaluating configuration for real (apply, console). */
    public FunctionTable(FunctionRegistry registry) {
        this(registry, false);
    }

    private FunctionTable(FunctionRegistry registry, boolean pureOnly) {
        this.registry = registry;
        this.pureOnly = pureOnly;
    }

    /** The functions for a validate or plan walk: impure functions check their arguments but return unknown. */
    public static FunctionTable pureOnly(FunctionRegistry registry) {
        return new FunctionTable(registry, true);
    }

    /** True if impure functions give unknown results. */
    public boolean isPureOnly() {
        return pureOnly;
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
        return (pureOnly && f.isImpure() ? f.unpredictable() : f).call(args);
    }
}
