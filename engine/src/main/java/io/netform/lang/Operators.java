package io.netform.lang;

import io.netform.hcl.BinaryOperator;
import io.netform.hcl.UnaryOperator;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Set;
import java.util.TreeSet;

/** HCL's operators on values: unknowns give unknown results, and results carry the operands' marks. */
final class Operators {

    /** Division keeps this many significant digits when the quotient does not terminate. */
    private static final MathContext DIVISION = new MathContext(50);

    private Operators() {
    }

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
            result = n.isKnown() ? Value.number(n.asBigDecimal().negate()) : Value.unknown(Type.NUMBER);
        }
        return result.withMarks(operand.marks());
    }

    /** Which operand a value is; HCL names it in messages and points at it. */
    enum Side {
        LEFT, RIGHT, UNARY;

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
        return b.isKnown() ? Value.bool(!b.asBoolean()).withMarks(b.marks()) : Value.unknown(Type.BOOL)
                .withMarks(b.marks());
    }

    /** Two known bools; which operand decides when one is unknown is {@link LogicalOperators}' business. */
    private static Value logical(BinaryOperator op, Value l, Value r) {
        return Value.bool(op == BinaryOperator.OR ? l.asBoolean() || r.asBoolean() : l.asBoolean() && r.asBoolean());
    }

    private static Value numeric(BinaryOperator op, Value l, Value r) throws EvalFailure {
        boolean comparison = op == BinaryOperator.GREATER || op == BinaryOperator.GREATER_OR_EQUAL
                || op == BinaryOperator.LESS || op == BinaryOperator.LESS_OR_EQUAL;
        if (!l.isKnown() || !r.isKnown()) {
            return Value.unknown(comparison ? Type.BOOL : Type.NUMBER);
        }
        BigDecimal a = l.asBigDecimal();
        BigDecimal b = r.asBigDecimal();
        return switch (op) {
            case ADD -> Value.number(a.add(b));
            case SUBTRACT -> Value.number(a.subtract(b));
            case MULTIPLY -> Value.number(a.multiply(b));
            case DIVIDE -> Value.number(divide(a, b));
            case MODULO -> Value.number(modulo(a, b));
            case GREATER -> Value.bool(a.compareTo(b) > 0);
            case GREATER_OR_EQUAL -> Value.bool(a.compareTo(b) >= 0);
            case LESS -> Value.bool(a.compareTo(b) < 0);
            case LESS_OR_EQUAL -> Value.bool(a.compareTo(b) <= 0);
            default -> throw new IllegalStateException("not a numeric operator: " + op);
        };
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) throws EvalFailure {
        if (b.signum() == 0) {
            throw new EvalFailure("Operation failed", "Error during operation: can't divide by zero.");
        }
        try {
            return a.divide(b);
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, DIVISION);
        }
    }

    private static BigDecimal modulo(BigDecimal a, BigDecimal b) throws EvalFailure {
        if (b.signum() == 0) {
            throw new EvalFailure("Operation failed", "Error during operation: can't use modulo by zero.");
        }
        // The remainder takes the sign of the dividend, as Go's and cty's modulo do.
        return a.remainder(b);
    }
}
