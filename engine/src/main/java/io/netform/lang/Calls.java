package io.netform.lang;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import io.netform.hcl.TemplatePart;
import io.netform.lang.function.FunctionException;
import io.netform.lang.function.FunctionRegistry;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Function calls: argument expansion with {@code ...}, errors placed on the argument at fault, and
 * {@code can} and {@code try}, which look at their arguments' evaluation rather than their values.
 */
final class Calls {

    private final Evaluator evaluator;

    Calls(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Value call(Expression.FunctionCall call, Scope scope) {
        String name = call.name();
        if (name.equals("can")) {
            return can(call, scope);
        }
        if (name.equals("try")) {
            return attemptEach(call, scope);
        }
        if (!scope.functions().exists(name)) {
            return evaluator.fail(
                    call.nameRange(), "Call to unknown function", "There is no function named \"" + name + "\".");
        }
        if (FunctionRegistry.withoutCoreNamespace(name).equals("templatestring")
                && !call.args().isEmpty()) {
            String misuse = templateReferenceProblem(call.args().get(0));
            if (misuse != null) {
                return evaluator.fail(
                        call.args().get(0).range(),
                        "Invalid function argument",
                        "Invalid value for \"template\" parameter: invalid template expression: " + misuse + ".");
            }
        }
        List<Value> args = new ArrayList<>(call.args().size());
        call.args().forEach(a -> args.add(evaluator.eval(a, scope)));
        if (call.expandFinal() && !args.isEmpty()) {
            Expression lastExpr = call.args().get(call.args().size() - 1);
            Value last = args.remove(args.size() - 1);
            if (last.isNull()) {
                return evaluator.fail(
                        lastExpr.range(),
                        "Invalid expanding argument value",
                        "The expanding argument (indicated by ...) must not be null.");
            }
            if (!last.isKnown()) {
                return Value.unknown(Type.DYNAMIC).withMarks(last.marks());
            }
            Type t = last.type();
            if (!(t instanceof Type.ListType || t instanceof Type.SetType || t instanceof Type.TupleType)) {
                return evaluator.fail(
                        lastExpr.range(),
                        "Invalid expanding argument value",
                        "The expanding argument (indicated by ...) must be of a tuple, list, or set type.");
            }
            last.elements().forEach(e -> args.add(e.withMarks(last.marks())));
        }
        try {
            return scope.functions().call(name, args);
        } catch (FunctionException e) {
            SourceRange at = call.range();
            if (e.argumentIndex().isPresent() && !call.args().isEmpty()) {
                at = call.args()
                        .get(Math.min(e.argumentIndex().getAsInt(), call.args().size() - 1))
                        .range();
            }
            return evaluator.fail(at, e.summary(), e.detail());
        }
    }

    /**
     * Why templatestring's template argument is not written as Terraform requires (a reference to a
     * string held elsewhere, never an inline template), or null if it is.
     */
    private static String templateReferenceProblem(Expression template) {
        if (template instanceof Expression.TemplateWrap) {
            return "templatestring is only for rendering templates retrieved dynamically from elsewhere; to treat"
                    + " the inner expression as template syntax, write the reference expression directly without any"
                    + " template interpolation syntax";
        }
        if (template instanceof Expression.Template t) {
            return t.parts().size() == 1 && t.parts().get(0) instanceof TemplatePart.Literal
                    ? "templatestring is only for rendering templates retrieved dynamically from elsewhere, and so"
                            + " does not support providing a literal template; consider using a template string"
                            + " expression instead"
                    : "templatestring is only for rendering templates retrieved dynamically from elsewhere; to render"
                            + " an inline template, consider using a plain template string expression";
        }
        return isReference(template)
                ? null
                : "must be a direct reference to a single string from elsewhere, containing valid Terraform template"
                        + " syntax";
    }

    private static boolean isReference(Expression e) {
        if (e instanceof Expression.GetAttr a) {
            return isReference(a.source());
        }
        if (e instanceof Expression.Index i) {
            return isReference(i.source());
        }
        if (e instanceof Expression.Splat s) {
            return isReference(s.source());
        }
        return e instanceof Expression.Identifier;
    }

    private Value can(Expression.FunctionCall call, Scope scope) {
        if (call.args().size() != 1) {
            return arity(call, "can", 1);
        }
        Evaluation attempt = Evaluator.evaluate(call.args().get(0), scope);
        if (attempt.hasErrors()) {
            return Value.FALSE;
        }
        return attempt.value().isWhollyKnown() ? Value.TRUE : Value.unknown(Type.BOOL);
    }

    private Value attemptEach(Expression.FunctionCall call, Scope scope) {
        if (call.args().isEmpty()) {
            return evaluator.fail(
                    call.range(),
                    "Error in function call",
                    "Call to function \"try\" failed: at least one argument is required.");
        }
        StringBuilder failures = new StringBuilder();
        for (Expression arg : call.args()) {
            Evaluation attempt = Evaluator.evaluate(arg, scope);
            if (!attempt.hasErrors()) {
                // An unknown result might still fail once known, so the choice waits until then.
                return attempt.value().isWhollyKnown() ? attempt.value() : Value.unknown(Type.DYNAMIC);
            }
            for (Diagnostic d : attempt.diagnostics()) {
                failures.append("\n- ")
                        .append(d.subject())
                        .append(": ")
                        .append(d.summary())
                        .append(d.detail().isEmpty() ? "" : ": " + d.detail());
            }
        }
        return evaluator.fail(
                call.range(),
                "Error in function call",
                "Call to function \"try\" failed: no expression succeeded:" + failures);
    }

    private Value arity(Expression.FunctionCall call, String name, int wanted) {
        boolean tooMany = call.args().size() > wanted;
        SourceRange at = tooMany ? call.args().get(wanted).range() : call.range();
        return evaluator.fail(
                at,
                tooMany ? "Too many function arguments" : "Not enough function arguments",
                "Function \"" + name + "\" expects " + wanted + " argument" + (wanted == 1 ? "" : "s") + " but "
                        + (tooMany ? "more were" : "fewer were") + " given.");
    }
}
