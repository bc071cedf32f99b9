package io.netform.walk;

import io.netform.addrs.ProviderSource;
import io.netform.config.Module;
import io.netform.config.ProviderRequirement;
import io.netform.lang.function.Function;
import io.netform.lang.function.FunctionException;
import io.netform.lang.function.Functions;
import io.netform.lang.function.Parameter;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.FunctionParameter;
import io.netform.wire.FunctionSignature;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider-defined functions (Terraform 1.8): {@code provider::NAME::FUNC(...)} in a module calls
 * FUNC of the provider the module's required_providers names NAME, with Terraform's errors for an
 * undeclared provider or an unknown function. Arguments are checked against the provider's
 * signature first, so a null where none is allowed is an error and an argument that is not wholly
 * known gives an unknown result without calling the provider.
 */
public final class ProviderFunctions {
    private static final String CORE = "core::";
    private static final String PROVIDER = "provider";

    private final java.util.function.Function<ProviderSource, ProviderClient> providers;
    /** Each function as the evaluator calls it, by its full name and provider source. */
    private final Map<String, Function> built = new ConcurrentHashMap<>();

    /** @param providers the provider of a source to call functions on, started if need be */
    public ProviderFunctions(java.util.function.Function<ProviderSource, ProviderClient> providers) {
        this.providers = providers;
    }

    /** What an expression of {@code module} may call: the {@code builtins} and its providers' functions. */
    public Functions in(Module module, Functions builtins) {
        return new Functions() {
            @Override
            public boolean exists(String name) {
                // Every namespaced name is the provider functions' to explain when it is unknown.
                return isNamespaced(name) || builtins.exists(name);
            }

            @Override
            public Value call(String name, List<Value> args) throws FunctionException {
                return isNamespaced(name) ? function(module, name).call(args) : builtins.call(name, args);
            }
        };
    }

    private static boolean isNamespaced(String name) {
        return name.contains("::") && !name.startsWith(CORE);
    }

    private Function function(Module module, String name) throws FunctionException {
        String[] parts = name.split("::", -1);
        if (!parts[0].equals(PROVIDER)) {
            throw FunctionException.call(
                    "Unknown provider function",
                    "The function namespace \"" + parts[0]
                            + "\" is not valid. Provider function calls must use the \"provider::\" namespace prefix.");
        }
        String local = parts[1];
        String function = parts[parts.length - 1];
        ProviderRequirement required = module.settings().requiredProviders().get(local);
        if (parts.length != 3 || required == null) {
            throw notDeclared(name, local, function);
        }
        ProviderSource source = required.source();
        Function found = built.get(name + " " + source);
        if (found != null) {
            return found;
        }
        Map<String, FunctionSignature> offered = provider(source).functions();
        FunctionSignature signature = offered.get(function);
        if (signature == null) {
            throw offered.isEmpty()
                    ? notDeclared(name, local, function)
                    : FunctionException.call(
                            "Unknown provider function",
                            "The function \"" + function + "\" is not available from the provider \"" + local + "\".");
        }
        Function made = build(name, source, function, signature);
        built.put(name + " " + source, made);
        return made;
    }

    private static FunctionException notDeclared(String name, String local, String function) {
        return FunctionException.call(
                "Unknown provider function",
                "There is no function named \"" + name
                        + "\". Ensure that provider name \"" + local
                        + "\" is declared in this module's required_providers"
                        + " block, and that this provider offers a function named \"" + function + "\".");
    }

    private ProviderClient provider(ProviderSource source) throws FunctionException {
        try {
            return providers.apply(source);
        } catch (ProviderException e) {
            throw new FunctionException("failed to launch provider plugin: " + e.getMessage());
        }
    }

    /** The provider's function with the evaluator's calling rules: arity, conversion, nulls, unknowns, marks. */
    private Function build(String name, ProviderSource source, String function, FunctionSignature signature) {
        Function.Builder builder = Function.builder(name);
        signature.parameters().forEach(p -> builder.param(parameter(p)));
        signature.variadic().ifPresent(p -> builder.variadic(parameter(p)));
        return builder.returns(signature.returnType())
                .resultMayBeNull()
                .impl((args, type) -> {
                    for (int i = 0; i < args.size(); i++) {
                        FunctionParameter p = i < signature.parameters().size()
                                ? signature.parameters().get(i)
                                : signature.variadic().orElseThrow();
                        // Terraform promises providers not even nested unknowns unless they opt in.
                        if (!p.allowUnknown() && !args.get(i).isWhollyKnown()) {
                            return Value.unknown(type);
                        }
                    }
                    ProviderClient.FunctionResult result;
                    try {
                        result = provider(source).callFunction(function, args);
                    } catch (ProviderException e) {
                        throw new FunctionException(e.getMessage());
                    }
                    if (result.failed()) {
                        throw result.argument().isPresent()
                                ? FunctionException.argument(result.argument().getAsInt(), result.error())
                                : new FunctionException(result.error());
                    }
                    return result.value();
                })
                .build();
    }

    private static Parameter parameter(FunctionParameter p) {
        Parameter parameter = Parameter.of(p.name(), p.type());
        if (p.allowNull()) {
            parameter = parameter.allowingNull();
        }
        if (p.allowUnknown()) {
            parameter = parameter.allowingUnknown();
        }
        // A null literal is of dynamic type, so a parameter of dynamic type must take dynamic values.
        return p.type() == Type.DYNAMIC ? parameter.allowingDynamic() : parameter;
    }
}
