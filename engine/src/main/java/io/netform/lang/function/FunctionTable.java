package io.netform.lang.function;

import io.netform.lang.Functions;
import io.netform.value.Value;
import java.util.List;
import java.util.Optional;

/** Terraform's built-in functions as the evaluator calls them. */
public final class FunctionTable implements Functions {

    private final FunctionRegistry registry;

    public FunctionTable(FunctionRegistry registry) {
        this.registry = registry;
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
        return function.get().call(args);
    }
}
