package io.netform.lang.function;

import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.List;

/**
 * The configuration's functions plus those Terraform offers in its console only: {@code type(value)}.
 * Plan, validate and apply never get this table, so there a call to type() is a call to an unknown
 * function, as in Terraform.
 */
public final class ConsoleFunctions implements Functions {

    /**
     * The mark on what type() returns. The value model has no type values, so type() stands for the type
     * with a null of it; the mark tells the console to print that type, and to refuse a result that
     * merely contains such a value (type() used inside a larger expression), as Terraform's console does.
     */
    public static final Mark TYPE = new Mark("type");

    private static final String TYPE_NAME = "type";

    private static final Function TYPE_OF = Function.builder(TYPE_NAME)
            .param(Parameter.of("value", Type.DYNAMIC).allowingAnything())
            .resultMayBeNull()
            .returnType(args -> args.get(0).type())
            .impl((args, type) -> Value.nullOf(type).mark(TYPE))
            .build();

    private final Functions configuration;

    private ConsoleFunctions(Functions configuration) {
        this.configuration = configuration;
    }

    /** {@code configuration}'s functions with the console-only ones besides. */
    public static ConsoleFunctions over(Functions configuration) {
        return new ConsoleFunctions(configuration);
    }

    @Override
    public boolean exists(String name) {
        return isType(name) || configuration.exists(name);
    }

    @Override
    public Value call(String name, List<Value> args) throws FunctionException {
        return isType(name) ? TYPE_OF.call(args) : configuration.call(name, args);
    }

    private static boolean isType(String name) {
        return FunctionRegistry.withoutCoreNamespace(name).equals(TYPE_NAME);
    }
}
