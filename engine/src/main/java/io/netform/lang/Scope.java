package io.netform.lang;

import io.netform.lang.function.Functions;
import io.netform.value.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names an expression can see ({@code var}, {@code local}, {@code each}, a resource type…) and
 * the functions it can call. A for expression adds its iteration variables in a child scope.
 */
public final class Scope {

    private final Scope parent;
    private final Map<String, Value> variables;
    private final Functions functions;

    private Scope(Scope parent, Map<String, Value> variables, Functions functions) {
        this.parent = parent;
        this.variables = variables;
        this.functions = functions;
    }

    /** A scope with {@code variables} and {@code functions}. */
    public static Scope of(Map<String, Value> variables, Functions functions) {
        return new Scope(null, Map.copyOf(variables), functions);
    }

    /** This scope with {@code name} bound to {@code value} on top (used for iteration variables). */
    public Scope with(String name, Value value) {
        Map<String, Value> one = new HashMap<>(2);
        one.put(name, value);
        return new Scope(this, one, functions);
    }

    /** The value of a root name, looked up from the innermost scope outwards. */
    public Optional<Value> lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Value v = s.variables.get(name);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The function table. */
    public Functions functions() {
        return functions;
    }
}
