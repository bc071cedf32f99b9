package io.netform.lang;

import io.netform.hcl.BinaryOperator;
import io.netform.hcl.Expression;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Mark;
import io.netform.value.Refinement;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code &&} and {@code ||} as Terraform 1.12 evaluates them (HCL's short-circuit): both operands
 * are evaluated and must be bools, but when one operand alone decides the result, only that
 * operand's diagnostics are reported, so {@code var.o != null && var.o.enabled} works for a null
 * {@code o}. Which one decides follows HCL's rules, including for unknown and null operands.
 */
final class LogicalOperators {

    private final Evaluator evaluator;

    LogicalOperators(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Value evaluate(Expression.Binary b, Scope scope) {
        Evaluation left = evaluator.held(b.left(), scope);
        Evaluation right = evaluator.held(b.right(), scope);
        Optional<Value> l = operand(left.value(), b.left(), Operators.Side.LEFT);
        Optional<Value> r = operand(right.value(), b.right(), Operators.Side.RIGHT);
        if (l.isEmpty() || r.isEmpty()) {
            evaluator.report(left);
            evaluator.report(right);
            return Value.unknown(Type.BOOL);
        }
        Set<Mark> marks = new TreeSet<>(l.get().marks());
        marks.addAll(r.get().marks());
        Value lv = l.get().unmark();
        Value rv = r.get().unmark();
        Optional<Decision> decision = decide(b.operator(), lv, rv, left.hasErrors());
        if (decision.isPresent()) {
            evaluator.report(decision.get().side() == Operators.Side.LEFT ? left : right);
            return decision.get().value().withMarks(marks);
        }
        evaluator.report(left);
        evaluator.report(right);
        if (left.hasErrors() || right.hasErrors()) {
            return Value.unknown(Type.BOOL).withMarks(marks);
        }
        return evaluator
                .operation(b.range(), b.left().range(), b.right().range(), () -> Operators.binary(b.operator(), lv, rv))
                .withMarks(marks);
    }

    /** The operand as a bool, or empty after reporting that it is not one. */
    private Optional<Value> operand(Value v, Expression at, Operators.Side side) {
        try {
            return Optional.of(Conversion.convert(v, Type.BOOL));
        } catch (ConversionException e) {
            Operators.InvalidOperand invalid = new Operators.InvalidOperand(side, e.getMessage());
            evaluator.fail(at.range(), invalid.summary(), invalid.detail());
            return Optional.empty();
        }
    }

    /** A result settled by one operand, whose diagnostics alone are reported. */
    private record Decision(Value value, Operators.Side side) {}

    /**
     * HCL's short-circuit rules. The deciding value is true for {@code ||} and false for
     * {@code &&}; a null operand counts as false here, as cty's {@code True()} is false for it.
     */
    private static Optional<Decision> decide(BinaryOperator op, Value l, Value r, boolean leftFailed) {
        boolean decisive = op == BinaryOperator.OR;
        Value unknown = Value.unknown(Type.BOOL, Refinement.NONE.withNotNull());
        if (!l.isKnown() && !r.isKnown()) {
            // the left unknown decides, unless it failed: then the right may have errors to report too
            return leftFailed ? Optional.empty() : Optional.of(new Decision(unknown, Operators.Side.LEFT));
        }
        if (l.isKnown() && truth(l) == decisive) {
            return Optional.of(new Decision(Value.bool(decisive), Operators.Side.LEFT));
        }
        if (r.isKnown() && truth(r) == decisive) {
            return Optional.of(new Decision(Value.bool(decisive), Operators.Side.RIGHT));
        }
        // the known operand does not decide, so the unknown one does
        if (!l.isKnown()) {
            return Optional.of(new Decision(unknown, Operators.Side.LEFT));
        }
        if (!r.isKnown()) {
            return Optional.of(new Decision(unknown, Operators.Side.RIGHT));
        }
        return Optional.empty();
    }

    private static boolean truth(Value known) {
        return !known.isNull() && known.asBoolean();
    }
}
