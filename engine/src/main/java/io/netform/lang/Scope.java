package io.netform.lang;

import io.netform.lang.function.Functions;
import io.netform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names an expression can see ({@code var}, {@code local}, {@code each}, a resource type…) and
 * the functions it can call. A for expression adds its iteration variables in a child scope.
 */
public final class Scope {

    /**
     * A root name whose value is costly to build whole, such as a resource type whose resources have
     * thousands of instances: it is built only when an expression uses it whole, while an index by a
     * key into one of its collections looks up that one element.
     */
    public interface Deferred {
        /** The whole value. */
        Value value();

        /**
         * The collection reached from this name through {@code attributes} (e.g. {@code ["user"]} for
         * {@code testing_object.user}), or null when there is none, and the whole value is traversed.
         */
        Elements elements(List<String> attributes);
    }

    /** A collection whose elements can be looked up one at a time. */
    @FunctionalInterface
    public interface Elements {
        /**
         * The element {@code key} (without marks) selects, exactly as indexing the whole collection
         * would give it; empty where only indexing the whole collection can tell (such as an error).
         */
        Optional<Value> element(Value key);
    }

    private final Scope parent;
    private final Map<String, Value> variables;
    private final Map<String, Deferred> deferred;
    private final Functions functions;

    private Scope(Scope parent, Map<String, Value> variables, Map<String, Deferred> deferred, Functions functions) {
        this.parent = parent;
        this.variables = variables;
        this.deferred = deferred;
        this.functions = functions;
    }

    /** A scope with {@code variables} and {@code functions}. */
    public static Scope of(Map<String, Value> variables, Functions functions) {
        return of(variables, Map.of(), functions);
    }

    /** A scope with {@code variables}, the names in {@code deferred} built on use, and {@code functions}. */
    public static Scope of(Map<String, Value> variables, Map<String, Deferred> deferred, Functions functions) {
        return new Scope(null, Map.copyOf(variables), Map.copyOf(deferred), functions);
    }

    /** This scope with {@code name} bound to {@code value} on top (used for iteration variables). */
    public Scope with(String name, Value value) {
        Map<String, Value> one = new HashMap<>(2);
        one.put(name, value);
        return new Scope(this, one, Map.of(), functions);
    }

    /** The value of a root name, looked up from the innermost scope outwards. */
    public Optional<Value> lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Value v = s.variables.get(name);
            if (v != null) {
                return Optional.of(v);
            }
            Deferred d = s.deferred.get(name);
            if (d != null) {
                return Optional.of(d.value());
            }
        }
        return Optional.empty();
    }

    /** The deferred binding of a root name, or null when it has none or an inner scope binds the name to a value. */
    Deferred deferred(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.variables.containsKey(name)) {
                return null;
            }
            Deferred d = s.deferred.get(name);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The function table. */
    public Functions functions() {
        return functions;
    }
}
