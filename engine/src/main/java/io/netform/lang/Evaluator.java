package io.netform.lang;

import io.netform.hcl.BinaryOperator;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.ObjectItem;
import io.netform.hcl.ObjectKey;
import io.netform.hcl.SourceRange;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Unification;
import io.netform.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates HCL expressions against a {@link Scope}, with HCL's semantics: unknown values propagate,
 * marks (sensitivity) follow every value computed from a marked one, and each problem becomes a
 * diagnostic at the range of the expression that caused it. An expression that fails evaluates to an
 * unknown of the dynamic type, so one mistake is reported once rather than at every use.
 */
public final class Evaluator {

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Deque<Value> splatItems = new ArrayDeque<>();
    private final Templates templates = new Templates(this);

    private Evaluator() {}

    /** Evaluates {@code expression} in {@code scope}. */
    public static Evaluation evaluate(Expression expression, Scope scope) {
        Evaluator evaluator = new Evaluator();
        Value value = evaluator.eval(expression, scope);
        return new Evaluation(value, evaluator.diagnostics);
    }

    Value eval(Expression e, Scope scope) {
        if (e instanceof Expression.NumberLiteral n) {
            return Value.number(n.value());
        } else if (e instanceof Expression.BoolLiteral b) {
            return Value.bool(b.value());
        } else if (e instanceof Expression.NullLiteral) {
            return Value.nullOf(Type.DYNAMIC);
        } else if (e instanceof Expression.Template t) {
            return templates.render(t.parts(), scope);
        } else if (e instanceof Expression.TemplateWrap w) {
            return eval(w.inner(), scope);
        } else if (e instanceof Expression.Parentheses p) {
            return eval(p.inner(), scope);
        } else if (e instanceof Expression.Identifier v) {
            return variable(v, scope);
        } else if (e instanceof Expression.GetAttr g) {
            Value source = eval(g.source(), scope);
            return attempt(step(g.source(), g.range()), () -> Access.getAttr(source, g.name()));
        } else if (e instanceof Expression.Index i) {
            return index(i, scope);
        } else if (e instanceof Expression.Splat s) {
            return splat(s, scope);
        } else if (e instanceof Expression.SplatItem item) {
            return splatItems.isEmpty()
                    ? fail(item.range(), "Invalid splat", "A splat item outside a splat.")
                    : splatItems.peek();
        } else if (e instanceof Expression.FunctionCall call) {
            return new Calls(this).call(call, scope);
        } else if (e instanceof Expression.Conditional c) {
            return conditional(c, scope);
        } else if (e instanceof Expression.Binary b
                && (b.operator() == BinaryOperator.AND || b.operator() == BinaryOperator.OR)) {
            return new LogicalOperators(this).evaluate(b, scope);
        } else if (e instanceof Expression.Binary b) {
            Value left = eval(b.left(), scope);
            Value right = eval(b.right(), scope);
            return operation(
                    b.range(), b.left().range(), b.right().range(), () -> Operators.binary(b.operator(), left, right));
        } else if (e instanceof Expression.Unary u) {
            Value operand = eval(u.operand(), scope);
            return operation(
                    u.range(), u.operand().range(), u.operand().range(), () -> Operators.unary(u.operator(), operand));
        } else if (e instanceof Expression.Tuple t) {
            List<Value> elements = new ArrayList<>(t.elements().size());
            t.elements().forEach(x -> elements.add(eval(x, scope)));
            return Value.tuple(elements);
        } else if (e instanceof Expression.ObjectCons o) {
            return object(o, scope);
        } else if (e instanceof Expression.For f) {
            return new ForExpressions(this).evaluate(f, scope);
        }
        // Expression.Invalid: the parser has reported it already.
        return Value.unknown(Type.DYNAMIC);
    }

    private Value variable(Expression.Identifier v, Scope scope) {
        Optional<Value> value = scope.lookup(v.name());
        return value.orElseGet(
                () -> fail(v.range(), "Unknown variable", "There is no variable named \"" + v.name() + "\"."));
    }

    /**
     * {@code source[key]}. Where the source is an attribute path into a deferred name (e.g.
     * {@code testing_object.user[each.key]}), the one element is looked up without building the whole
     * collection; evaluating such a path reports nothing, so diagnostics keep HCL's source-then-key order.
     */
    private Value index(Expression.Index i, Scope scope) {
        Scope.Elements elements = deferredElements(i.source(), scope);
        if (elements == null) {
            Value source = eval(i.source(), scope);
            Value key = eval(i.key(), scope);
            return attempt(step(i.source(), i.range()), () -> Access.index(source, key));
        }
        Value key = eval(i.key(), scope);
        Optional<Value> element = elements.element(key.unmark());
        if (element.isPresent()) {
            // as indexing the whole collection marks the element with the key's marks
            return element.get().withMarks(key.marks());
        }
        Value source = eval(i.source(), scope);
        return attempt(step(i.source(), i.range()), () -> Access.index(source, key));
    }

    /** The collection {@code source} names when it is a deferred name followed by attributes only; else null. */
    private static Scope.Elements deferredElements(Expression source, Scope scope) {
        Deque<String> attributes = new ArrayDeque<>();
        Expression root = source;
        while (root instanceof Expression.GetAttr g) {
            attributes.addFirst(g.name());
            root = g.source();
        }
        if (!(root instanceof Expression.Identifier id) || attributes.isEmpty()) {
            return null;
        }
        Scope.Deferred deferred = scope.deferred(id.name());
        return deferred == null ? null : deferred.elements(List.copyOf(attributes));
    }

    private Value splat(Expression.Splat s, Scope scope) {
        Value source = eval(s.source(), scope);
        Type t = source.type();
        boolean sequence = t instanceof Type.ListType || t instanceof Type.SetType || t instanceof Type.TupleType;
        boolean collection = t instanceof Type.ListType || t instanceof Type.SetType;
        if (source.isNull()) {
            // A null of no sequence type becomes an empty tuple, as any other value becomes a one-item
            // tuple; a null list, set or tuple has no elements to take, as in hcl.
            return sequence
                    ? fail(
                            s.source().range(),
                            "Splat of null value",
                            "Splat expressions (with the * symbol) cannot be applied to null sequences.")
                    : Value.tuple(List.of()).withMarks(source.marks());
        }
        if (!source.isKnown()) {
            return Value.unknown(Type.DYNAMIC).withMarks(source.marks());
        }
        List<Value> items = sequence ? source.elements() : List.of(source.unmark());
        List<Value> results = new ArrayList<>(items.size());
        for (Value item : items) {
            results.add(splatEach(s, item, scope));
        }
        Value result = Value.tuple(results);
        if (collection && results.isEmpty()) {
            // The element type of an empty result is what the rest of the traversal gives for an
            // unknown element, as hcl types it.
            result = Value.list(
                    splatEach(s, Value.unknown(t.elementType()), scope).type(), List.of());
        } else if (collection) {
            result = asListIfUniform(results).orElse(result);
        }
        return result.withMarks(source.marks());
    }

    private Value splatEach(Expression.Splat s, Value item, Scope scope) {
        splatItems.push(item);
        try {
            return eval(s.each(), scope);
        } finally {
            splatItems.pop();
        }
    }

    private static Optional<Value> asListIfUniform(List<Value> values) {
        Optional<Type> common =
                Unification.unify(values.stream().map(Value::type).toList());
        if (common.isEmpty() || common.get() == Type.DYNAMIC) {
            return Optional.empty();
        }
        try {
            List<Value> converted = new ArrayList<>(values.size());
            for (Value v : values) {
                converted.add(Conversion.convert(v, common.get()));
            }
            return Optional.of(Value.list(common.get(), converted));
        } catch (ConversionException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * As HCL: both arms are evaluated for their types, but only the chosen arm's diagnostics are
     * reported (neither arm's when the condition is unknown), so an arm guarded by the condition may
     * fail, e.g. {@code var.x != null ? upper(var.x) : ""} with a null {@code x}.
     */
    private Value conditional(Expression.Conditional c, Scope scope) {
        Evaluation whenTrue = held(c.trueResult(), scope);
        Evaluation whenFalse = held(c.falseResult(), scope);
        Optional<Type> common = ConditionalResults.resultType(whenTrue.value(), whenFalse.value());
        if (common.isEmpty()) {
            return fail(
                    c.trueResult().range().to(c.falseResult().range()),
                    "Inconsistent conditional result types",
                    "The true and false result expressions must have consistent types. "
                            + ConditionalResults.describeMismatch(
                                    whenTrue.value().type(), whenFalse.value().type()) + ".");
        }
        Value condition = eval(c.condition(), scope);
        if (condition.isNull()) {
            fail(
                    c.condition().range(),
                    "Null condition",
                    "The condition value is null. Conditions must either be true or false.");
            return Value.unknown(common.get());
        }
        // Whichever arm is chosen, the result carries the marks of all three, so that it is marked
        // the same whether or not the condition is known.
        Set<Mark> marks = new TreeSet<>(condition.marks());
        marks.addAll(whenTrue.value().marks());
        marks.addAll(whenFalse.value().marks());
        if (!condition.isKnown()) {
            return ConditionalResults.unknownResult(
                            whenTrue.value().unmark(), whenFalse.value().unmark(), common.get())
                    .withMarks(marks);
        }
        Value cond;
        try {
            cond = Conversion.convert(condition.unmark(), Type.BOOL);
        } catch (ConversionException e) {
            fail(c.condition().range(), "Incorrect condition type", "The condition expression must be of type bool.");
            return Value.unknown(common.get());
        }
        boolean chooseTrue = cond.asBoolean();
        Expression chosenExpr = chooseTrue ? c.trueResult() : c.falseResult();
        Value chosen = report(chooseTrue ? whenTrue : whenFalse).unmark();
        try {
            return Conversion.convert(chosen, common.get()).withMarks(marks);
        } catch (ConversionException e) {
            fail(
                    chosenExpr.range(),
                    "Inconsistent conditional result types",
                    "The " + (chooseTrue ? "true" : "false") + " result value has the wrong type: " + e.getMessage()
                            + ".");
            return Value.unknown(common.get()).withMarks(marks);
        }
    }

    /** Evaluates {@code e}, holding its diagnostics back from this evaluation's until {@link #report}. */
    Evaluation held(Expression e, Scope scope) {
        int before = diagnostics.size();
        Value value = eval(e, scope);
        List<Diagnostic> own = diagnostics.subList(before, diagnostics.size());
        Evaluation result = new Evaluation(value, own);
        own.clear();
        return result;
    }

    /** Adds the diagnostics held back by {@link #held} and returns the value they came with. */
    Value report(Evaluation held) {
        diagnostics.addAll(held.diagnostics());
        return held.value();
    }

    private Value object(Expression.ObjectCons o, Scope scope) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        Set<Mark> marks = new TreeSet<>();
        boolean unknownKey = false;
        for (ObjectItem item : o.items()) {
            Value value = eval(item.value(), scope);
            String name;
            if (item.key() instanceof ObjectKey.Name n) {
                name = n.name();
            } else {
                Value key = eval(((ObjectKey.Computed) item.key()).expression(), scope);
                marks.addAll(key.marks());
                Value k;
                try {
                    k = Conversion.convert(key.unmark(), Type.STRING);
                } catch (ConversionException e) {
                    fail(
                            item.key().range(),
                            "Incorrect key type",
                            "Can't use this value as a key: " + e.reason() + ".");
                    continue;
                }
                if (k.isNull()) {
                    // HCL points at the value here, not the key
                    fail(item.value().range(), "Null value as key", "Can't use a null value as a key.");
                    continue;
                }
                if (!k.isKnown()) {
                    unknownKey = true;
                    continue;
                }
                name = k.asString();
            }
            attributes.put(name, value);
        }
        Value result = unknownKey ? Value.unknown(Type.DYNAMIC) : Value.object(attributes);
        return result.withMarks(marks);
    }

    /** The value of {@code operation}, or a diagnostic at {@code range} and an unknown. */
    Value attempt(SourceRange range, Operation operation) {
        try {
            return operation.run();
        } catch (EvalFailure f) {
            return fail(range, f.summary(), f.detail());
        }
    }

    /** The attribute or index step after {@code source} ({@code .name}, {@code [key]}), where HCL reports its errors. */
    private static SourceRange step(Expression source, SourceRange whole) {
        return new SourceRange(whole.file(), source.range().end(), whole.end());
    }

    /** Runs an operator; an unsuitable operand is reported at that operand, other failures at the whole. */
    Value operation(SourceRange whole, SourceRange left, SourceRange right, Operation operation) {
        try {
            return operation.run();
        } catch (Operators.InvalidOperand f) {
            return fail(f.side() == Operators.Side.RIGHT ? right : left, f.summary(), f.detail());
        } catch (EvalFailure f) {
            return fail(whole, f.summary(), f.detail());
        }
    }

    /** Records an error and returns the stand-in value for a failed expression. */
    Value fail(SourceRange range, String summary, String detail) {
        diagnostics.add(Diagnostic.error(summary, detail, range));
        return Value.unknown(Type.DYNAMIC);
    }

    /** The diagnostics recorded so far, for {@code can} and {@code try}. */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** A step that may fail with an {@link EvalFailure}. */
    @FunctionalInterface
    interface Operation {
        Value run() throws EvalFailure;
    }
}
