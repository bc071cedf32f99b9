package io.netform.lang.function;

import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Mark;
import io.netform.value.MarkedPath;
import io.netform.value.Refinement;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * A callable function: named typed parameters, an optional variadic parameter, a return type
 * computed from the arguments and an implementation. {@link #call} applies the generic rules of
 * Terraform's function calls so implementations only see what their parameters allow.
 */
public final class Function {
    private final String name;
    private final List<Parameter> parameters;
    private final Optional<Parameter> variadic;
    private final ReturnType returnType;
    private final Implementation implementation;
    private final boolean resultNeverNull;
    private final boolean impure;

    /** Computes the result type from the (converted, unmarked) arguments. */
    @FunctionalInterface
    public interface ReturnType {
        Type of(List<Value> args) throws FunctionException;
    }

    /** Computes the result from arguments that satisfy the parameters' rules. */
    @FunctionalInterface
    public interface Implementation {
        Value call(List<Value> args, Type returnType) throws FunctionException;
    }

    private Function(Builder b) {
        this.name = b.name;
        this.parameters = List.copyOf(b.parameters);
        this.variadic = Optional.ofNullable(b.variadic);
        this.returnType = b.returnType;
        this.implementation = b.implementation;
        this.resultNeverNull = b.resultNeverNull;
        this.impure = b.impure;
    }

    private Function(Function f, ReturnType returnType, Implementation implementation) {
        this.name = f.name;
        this.parameters = f.parameters;
        this.variadic = f.variadic;
        this.returnType = returnType;
        this.implementation = implementation;
        this.resultNeverNull = f.resultNeverNull;
        this.impure = f.impure;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * True if the result may differ between calls with the same arguments (timestamp), so that
     * a validate walk must not rely on it.
     */
    public boolean isImpure() {
        return impure;
    }

    /**
     * This function checking its arguments as usual but always returning an unknown of its result
     * type, as cty's {@code function.Unpredictable}: what Terraform calls impure functions become
     * while validating.
     */
    public Function unpredictable() {
        return new Function(this, returnType, (args, type) -> Value.unknown(type));
    }

    /**
     * This function checking the number and types of its arguments but then failing with
     * {@code reason}, whatever they are: what a template sees of the functions it may not call.
     */
    public Function refusing(String reason) {
        return new Function(
                this,
                args -> {
                    throw new FunctionException(reason);
                },
                (args, type) -> {
                    throw new FunctionException(reason);
                });
    }

    /** The parameter that receives argument {@code index}, or null if there is none. */
    public Parameter parameterFor(int index) {
        return index < parameters.size() ? parameters.get(index) : variadic.orElse(null);
    }

    /**
     * Calls the function: checks the number of arguments, converts each to its parameter's type,
     * rejects nulls, short-circuits unknown and dynamic arguments to an unknown result, strips marks
     * and puts them on the result.
     */
    public Value call(List<Value> arguments) throws FunctionException {
        Set<Mark> marks = new TreeSet<>();
        List<Value> args = prepareAll(arguments, marks);
        try {
            Type type = resultType(args);
            for (int i = 0; i < args.size(); i++) {
                if (!args.get(i).isKnown() && !parameterFor(i).allowUnknown()) {
                    return unknownResult(type).withMarks(marks);
                }
            }
            Value result = implementation.call(args, type);
            if (!result.isKnown() && resultNeverNull && result.refinement().isNone()) {
                result = unknownResult(result.type()).withMarks(result.marks());
            }
            return result.withMarks(marks);
        } catch (FunctionException e) {
            throw worded(e);
        }
    }

    /** The type {@link #call} would return for these arguments, without calling. */
    public Type returnType(List<Value> arguments) throws FunctionException {
        List<Value> args = prepareAll(arguments, new TreeSet<>());
        try {
            return resultType(args);
        } catch (FunctionException e) {
            throw worded(e);
        }
    }

    private FunctionException worded(FunctionException e) {
        return e.inCall(
                name,
                e.argumentIndex().isPresent() ? parameterFor(e.argumentIndex().getAsInt()) : null);
    }

    /** Checks the count and prepares every argument, collecting the marks taken off into {@code marks}. */
    private List<Value> prepareAll(List<Value> arguments, Set<Mark> marks) throws FunctionException {
        checkArity(arguments.size());
        List<Value> args = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            args.add(prepare(i, arguments.get(i), marks));
        }
        return List.copyOf(args);
    }

    private void checkArity(int given) throws FunctionException {
        if (given < parameters.size()) {
            String count = variadic.isPresent() ? "at least " + parameters.size() : "" + parameters.size();
            throw FunctionException.arity(
                    OptionalInt.empty(),
                    "Not enough function arguments",
                    "Function \"" + name + "\" expects " + count + " argument(s). Missing value for \""
                            + parameters.get(given).name() + "\".");
        }
        if (variadic.isEmpty() && given > parameters.size()) {
            throw FunctionException.arity(
                    OptionalInt.of(parameters.size()),
                    "Too many function arguments",
                    "Function \"" + name + "\" expects only " + parameters.size() + " argument(s).");
        }
    }

    /** Converts one argument to its parameter's type and removes the marks it may not see. */
    private Value prepare(int index, Value arg, Set<Mark> marks) throws FunctionException {
        Parameter p = parameterFor(index);
        Value converted;
        try {
            converted = Conversion.convert(arg, p.type());
        } catch (ConversionException e) {
            throw FunctionException.argument(index, e.getMessage()).inCall(name, p);
        }
        if (p.allowMarked()) {
            return converted;
        }
        Value.Unmarked unmarked = converted.unmarkDeepWithPaths();
        for (MarkedPath path : unmarked.paths()) {
            marks.addAll(path.marks());
        }
        return unmarked.value();
    }

    /**
     * The result type; dynamic, without asking the function, when an argument of dynamic type
     * reaches a parameter that does not expect one (it is then null or unknown).
     */
    private Type resultType(List<Value> args) throws FunctionException {
        for (int i = 0; i < args.size(); i++) {
            Parameter p = parameterFor(i);
            Value v = args.get(i);
            if (v.isNull() && !p.allowNull()) {
                throw FunctionException.argument(i, "argument must not be null");
            }
            if (v.type() == Type.DYNAMIC && !p.allowDynamic()) {
                return Type.DYNAMIC;
            }
        }
        return returnType.of(args);
    }

    private Value unknownResult(Type type) {
        return resultNeverNull ? Value.unknown(type, Refinement.NONE.withNotNull()) : Value.unknown(type);
    }

    @Override
    public String toString() {
        return name + "()";
    }

    /** Assembles a {@link Function}. */
    public static final class Builder {
        private final String name;
        private final List<Parameter> parameters = new ArrayList<>();
        private Parameter variadic;
        private ReturnType returnType;
        private Implementation implementation;
        private boolean resultNeverNull = true;
        private boolean impure;

        private Builder(String name) {
            this.name = name;
        }

        public Builder param(String paramName, Type type) {
            return param(Parameter.of(paramName, type));
        }

        public Builder param(Parameter parameter) {
            parameters.add(parameter);
            return this;
        }

        public Builder variadic(Parameter parameter) {
            variadic = parameter;
            return this;
        }

        public Builder returns(Type type) {
            returnType = args -> type;
            return this;
        }

        public Builder returnType(ReturnType rule) {
            returnType = rule;
            return this;
        }

        public Builder impl(Implementation body) {
            implementation = body;
            return this;
        }

        /** The result may be null, so an unknown result is not refined as non-null. */
        public Builder resultMayBeNull() {
            resultNeverNull = false;
            return this;
        }

        /** The result may differ between calls with the same arguments; see {@link Function#isImpure}. */
        public Builder impure() {
            impure = true;
            return this;
        }

        public Function build() {
            if (returnType == null || implementation == null) {
                throw new IllegalStateException("function " + name + " needs a return type and an implementation");
            }
            return new Function(this);
        }
    }
}
