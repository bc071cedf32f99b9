package io.netform.lang;

import io.netform.hcl.BinaryOperator;
import io.netform.hcl.UnaryOperator;
import io.netform.value.BigFloat;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Set;
import java.util.TreeSet;

/** HCL's operators on values: unknowns give unknown results, and results carry the operands' marks. */
final class Operators {

    private Operators() {}

    static Value binary(BinaryOperator op, Value left, Value right) throws EvalFailure {
        Set<Mark> marks = new TreeSet<>(left.marks());
        marks.addAll(right.marks());
        Value l = left.unmark();
        Value r = right.unmark();
        Value result = switch (op) {
            case EQUAL -> l.valueEquals(r);
            case NOT_EQUAL -> not(l.valueEquals(r));
            case AND, OR -> logical(op, operand(l, Type.BOOL, Side.LEFT), operand(r, Type.BOOL, Side.RIGHT));
            default -> numeric(op, operand(l, Type.NUMBER, Side.LEFT), operand(r, Type.NUMBER, Side.RIGHT));
        };
        return result.withMarks(marks);
    }

    static Value unary(UnaryOperator op, Value operand) throws EvalFailure {
        Value v = operand.unmark();
        Value result;
        if (op == UnaryOperator.NOT) {
            result = not(operand(v, Type.BOOL, Side.UNARY));
        } else {
            Value n = operand(v, Type.NUMBER, Side.UNARY);
            result = n.isKnown() ? Value.number(n.asBigFloat().negate()) : Value.unknown(Type.NUMBER);
        }
        return result.withMarks(operand.marks());
    }

    /** Which operand a value is; HCL names it in messages and points at it. */
    enum Side {
        LEFT,
        RIGHT,
        UNARY;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An operand that does not convert to the operator's type; reported at the operand. */
    static final class InvalidOperand extends EvalFailure {
        private final transient Side side;

        InvalidOperand(Side side, String reason) {
            super("Invalid operand", "Unsuitable value for " + side.word() + " operand: " + reason + ".");
            this.side = side;
        }

        Side side() {
            return side;
        }
    }

    private static Value operand(Value v, Type type, Side side) throws EvalFailure {
        Value converted;
        try {
            converted = Conversion.convert(v, type);
        } catch (ConversionException e) {
            throw new InvalidOperand(side, e.getMessage());
        }
        if (converted.isNull()) {
            // the operator's function refuses the null once the conversion has passed it through
            throw new EvalFailure("Operation failed", "Error during operation: argument must not be null.");
        }
        return converted;
    }

    private static Value not(Value b) {
        return b.isKnown()
                ? Value.bool(!b.asBoolean()).withMarks(b.marks())
                : Value.unknown(Type.BOOL).withMarks(b.marks());
    }

    /** Two known bools; which operand decides when one is unknown is {@link LogicalOperators}' business. */
    private static Value logical(BinaryOperator op, Value l, Value r) {
        return Value.bool(op == BinaryOperator.OR ? l.asBoolean() || r.asBoolean() : l.asBoolean() && r.asBoolean());
    }

    private static Value numeric(BinaryOperator op, Value l, Value r) throws EvalFailure {
        boolean comparison = op == BinaryOperator.GREATER
                || op == BinaryOperator.GREATER_OR_EQUAL
                || op == BinaryOperator.LESS
                || op == BinaryOperator.LESS_OR_EQUAL;
        if (!l.isKnown() || !r.isKnown()) {
            return Value.unknown(comparison ? Type.BOOL : Type.NUMBER);
        }
        BigFloat a = l.asBigFloat();
        BigFloat b = r.asBigFloat();
        try {
            return switch (op) {
                case ADD -> Value.number(a.add(b));
                case SUBTRACT -> Value.number(a.subtract(b));
                case MULTIPLY -> Value.number(a.multiply(b));
                case DIVIDE -> Value.number(a.divide(b));
                case MODULO -> Value.number(a.remainder(b));
                case GREATER -> Value.bool(a.compareTo(b) > 0);
                case GREATER_OR_EQUAL -> Value.bool(a.compareTo(b) > 0 || a.equals(b));
                case LESS -> Value.bool(a.compareTo(b) < 0);
                case LESS_OR_EQUAL -> Value.bool(a.compareTo(b) < 0 || a.equals(b));
                default -> throw new IllegalStateException("not a numeric operator: " + op);
            };
        } catch (ArithmeticException noNumber) {
            throw new EvalFailure("Operation failed", "Error during operation: " + undefined(op, a) + ".");
        }
    }

    /**
     * cty's words for an operation whose result is not a number (Go's big.Float panics with ErrNaN);
     * an infinity modulo a finite number, a crash in cty, is refused in words of its own.
     */
    private static String undefined(BinaryOperator op, BigFloat left) {
        return switch (op) {
            case ADD -> "can't compute sum of opposing infinities";
            case SUBTRACT -> "can't subtract infinity from itself";
            case MULTIPLY -> "can't multiply zero by infinity";
            case DIVIDE -> "can't divide zero by zero or infinity by infinity";
            default ->
                left.isInfinite()
                        ? "can't compute the remainder of infinity"
                        : "can't use modulo with zero and infinity";
        };
    }
}
