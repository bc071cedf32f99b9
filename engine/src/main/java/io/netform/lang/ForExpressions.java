package io.netform.lang;

import io.netform.hcl.Expression;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.TypeNames;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code [for ...]} and {@code {for ...}} expressions, with filtering and grouping. */
final class ForExpressions {

    private final Evaluator evaluator;

    ForExpressions(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Value evaluate(Expression.For f, Scope scope) {
        Value collection = evaluator.eval(f.collection(), scope);
        if (collection.isNull()) {
            return evaluator.fail(
                    f.collection().range(),
                    "Iteration over null value",
                    "A null value cannot be used as the collection in a 'for' expression.");
        }
        if (collection.type() == Type.DYNAMIC) {
            return Value.unknown(Type.DYNAMIC).withMarks(collection.marks());
        }
        if (!Iteration.iterable(collection.type())) {
            return evaluator.fail(
                    f.collection().range(),
                    "Iteration over non-iterable value",
                    "A value of type " + TypeNames.ofValueType(collection.type())
                            + " cannot be used as the collection in a 'for' expression.");
        }
        Set<Mark> marks = new TreeSet<>(collection.marks());
        if (f.condition().isPresent() && !conditionIsValid(f, scope, marks)) {
            return Value.unknown(Type.DYNAMIC);
        }
        if (!collection.isKnown()) {
            return Value.unknown(Type.DYNAMIC).withMarks(marks);
        }
        List<Value> elements = new ArrayList<>();
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        boolean unknown = false;
        for (Iteration.Entry entry : Iteration.entries(collection)) {
            Scope inner = scope.with(f.valueVar(), entry.value());
            if (f.keyVar().isPresent()) {
                inner = inner.with(f.keyVar().get(), entry.key());
            }
            if (f.condition().isPresent()) {
                // after the first element that makes the result unknown, HCL reports no more of these
                Boolean include = condition(f.condition().get(), inner, marks, !unknown);
                if (include == null) {
                    unknown = true;
                    continue;
                }
                if (!include) {
                    continue;
                }
            }
            if (!f.producesObject()) {
                elements.add(evaluator.eval(f.valueResult(), inner));
                continue;
            }
            Value key = evaluator.eval(f.keyResult().get(), inner);
            marks.addAll(key.marks());
            String name = keyName(key, f.keyResult().get());
            if (name == null) {
                unknown = true;
                continue;
            }
            Value value = evaluator.eval(f.valueResult(), inner);
            List<Value> group = groups.computeIfAbsent(name, k -> new ArrayList<>());
            if (!group.isEmpty() && !f.grouping()) {
                return evaluator.fail(
                        f.keyResult().get().range(),
                        "Duplicate object key",
                        "Two different items produced the key \"" + name + "\" in this 'for' expression. If "
                                + "duplicates are expected, use the ellipsis (...) after the value expression to "
                                + "enable grouping by key.");
            }
            group.add(value);
        }
        if (unknown) {
            return Value.unknown(Type.DYNAMIC).withMarks(marks);
        }
        if (!f.producesObject()) {
            return Value.tuple(elements).withMarks(marks);
        }
        Map<String, Value> attributes = new LinkedHashMap<>();
        groups.forEach((k, vs) -> attributes.put(k, f.grouping() ? Value.tuple(vs) : vs.get(0)));
        return Value.object(attributes).withMarks(marks);
    }

    /**
     * HCL checks the {@code if} clause once before iterating, with the symbols unknown, so that a
     * condition that can never be a bool is an error even when the collection is empty or unknown.
     * Whether it passed (false once the error is reported); the condition's marks go into {@code marks}.
     */
    private boolean conditionIsValid(Expression.For f, Scope scope, Set<Mark> marks) {
        Scope unknownSymbols = scope.with(f.valueVar(), Value.unknown(Type.DYNAMIC));
        if (f.keyVar().isPresent()) {
            unknownSymbols = unknownSymbols.with(f.keyVar().get(), Value.unknown(Type.DYNAMIC));
        }
        Expression condition = f.condition().get();
        Evaluation c = evaluator.held(condition, unknownSymbols);
        evaluator.report(c);
        if (c.value().isNull()) {
            evaluator.fail(condition.range(), "Condition is null", "The value of the 'if' clause must not be null.");
            return false;
        }
        marks.addAll(c.value().marks());
        try {
            Conversion.convert(c.value().unmark(), Type.BOOL);
        } catch (ConversionException e) {
            evaluator.fail(
                    condition.range(),
                    "Invalid 'for' condition",
                    "The 'if' clause value is invalid: " + e.getMessage() + ".");
            return false;
        }
        return !c.hasErrors();
    }

    /**
     * True or false, or null when the condition is unknown or failed; a failure is reported only if
     * {@code report}.
     */
    private Boolean condition(Expression condition, Scope scope, Set<Mark> marks, boolean report) {
        Value c = evaluator.eval(condition, scope);
        if (c.isNull()) {
            if (report) {
                evaluator.fail(
                        condition.range(), "Invalid 'for' condition", "The value of the 'if' clause must not be null.");
            }
            return null;
        }
        marks.addAll(c.marks());
        Value b;
        try {
            b = Conversion.convert(c.unmark(), Type.BOOL);
        } catch (ConversionException e) {
            if (report) {
                evaluator.fail(
                        condition.range(),
                        "Invalid 'for' condition",
                        "The 'if' clause value is invalid: " + e.getMessage() + ".");
            }
            return null;
        }
        return b.isKnown() ? b.asBoolean() : null;
    }

    private String keyName(Value key, Expression at) {
        Value k;
        try {
            k = Conversion.convert(key.unmark(), Type.STRING);
        } catch (ConversionException e) {
            evaluator.fail(
                    at.range(),
                    "Invalid object key",
                    "The key expression produced an invalid result: " + e.getMessage() + ".");
            return null;
        }
        if (k.isNull()) {
            evaluator.fail(
                    at.range(),
                    "Invalid object key",
                    "Key expression in 'for' expression must not produce a null value.");
            return null;
        }
        return k.isKnown() ? k.asString() : null;
    }
}
