package io.netform.lang;

import io.netform.hcl.TemplatePart;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Mark;
import io.netform.value.Refinement;
import io.netform.value.Type;
import io.netform.value.TypeNames;
import io.netform.value.Value;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Renders string templates: interpolations, {@code %{if}} and {@code %{for}} directives. */
final class Templates {

    private final Evaluator evaluator;

    Templates(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** What a rendering has produced so far: the known prefix, whether an unknown cut it, and the marks met. */
    private static final class Output {
        final StringBuilder text = new StringBuilder();
        final Set<Mark> marks = new TreeSet<>();
        boolean unknown;
        boolean failed;

        void append(String s) {
            if (!unknown) {
                text.append(s);
            }
        }
    }

    Value render(List<TemplatePart> parts, Scope scope) {
        Output out = new Output();
        renderInto(parts, scope, out);
        if (out.failed) {
            return Value.unknown(Type.DYNAMIC);
        }
        if (out.unknown) {
            Refinement known = Refinement.NONE.withNotNull();
            if (out.text.length() > 0) {
                known = known.withStringPrefix(out.text.toString());
            }
            return Value.unknown(Type.STRING, known).withMarks(out.marks);
        }
        return Value.string(out.text.toString()).withMarks(out.marks);
    }

    private void renderInto(List<TemplatePart> parts, Scope scope, Output out) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal l) {
                out.append(l.text());
            } else if (part instanceof TemplatePart.Interpolation i) {
                interpolate(evaluator.eval(i.expression(), scope), i, out);
            } else if (part instanceof TemplatePart.If branch) {
                conditional(branch, scope, out);
            } else if (part instanceof TemplatePart.ForDirective loop) {
                repeat(loop, scope, out);
            }
        }
    }

    private void interpolate(Value v, TemplatePart.Interpolation at, Output out) {
        out.marks.addAll(v.marks());
        if (v.isNull()) {
            evaluator.fail(
                    at.expression().range(),
                    "Invalid template interpolation value",
                    "The expression result is null. Cannot include a null value in a string template.");
            out.failed = true;
            return;
        }
        if (!v.isKnown()) {
            out.unknown = true;
            return;
        }
        try {
            out.append(Conversion.convert(v.unmark(), Type.STRING).asString());
        } catch (ConversionException e) {
            evaluator.fail(
                    at.expression().range(),
                    "Invalid template interpolation value",
                    "Cannot include the given value in a string template: " + e.getMessage() + ".");
            out.failed = true;
        }
    }

    private void conditional(TemplatePart.If branch, Scope scope, Output out) {
        Value condition = evaluator.eval(branch.condition(), scope);
        out.marks.addAll(condition.marks());
        Value c;
        try {
            c = Conversion.convert(condition.unmark(), Type.BOOL);
        } catch (ConversionException e) {
            evaluator.fail(
                    branch.condition().range(),
                    "Invalid template if directive",
                    "The condition of an %{if} directive must be a bool.");
            out.failed = true;
            return;
        }
        if (c.isNull()) {
            evaluator.fail(
                    branch.condition().range(),
                    "Invalid template if directive",
                    "The condition value is null. Conditions must either be true or false.");
            out.failed = true;
            return;
        }
        if (!c.isKnown()) {
            out.unknown = true;
            return;
        }
        renderInto(c.asBoolean() ? branch.thenParts() : branch.elseParts(), scope, out);
    }

    private void repeat(TemplatePart.ForDirective loop, Scope scope, Output out) {
        Value collection = evaluator.eval(loop.collection(), scope);
        out.marks.addAll(collection.marks());
        if (collection.isNull()) {
            evaluator.fail(
                    loop.collection().range(),
                    "Invalid template for directive",
                    "A null value cannot be used as the collection in a %{for} directive.");
            out.failed = true;
            return;
        }
        if (!collection.isKnown()) {
            out.unknown = true;
            return;
        }
        if (!Iteration.iterable(collection.type())) {
            evaluator.fail(
                    loop.collection().range(),
                    "Invalid template for directive",
                    "A value of type " + TypeNames.ofValueType(collection.type())
                            + " cannot be used as the collection in a %{for} directive.");
            out.failed = true;
            return;
        }
        for (Iteration.Entry entry : Iteration.entries(collection)) {
            Scope inner = scope.with(loop.valueVar(), entry.value());
            if (loop.keyVar().isPresent()) {
                inner = inner.with(loop.keyVar().get(), entry.key());
            }
            renderInto(loop.body(), inner, out);
        }
    }
}
