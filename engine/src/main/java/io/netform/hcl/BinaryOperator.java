package io.netform.hcl;

/** The binary operators with their precedence level (higher binds tighter); all are left-associative. */
public enum BinaryOperator {
    OR("||", 1),
    AND("&&", 2),
    EQUAL("==", 3),
    NOT_EQUAL("!=", 3),
    GREATER(">", 4),
    GREATER_OR_EQUAL(">=", 4),
    LESS("<", 4),
    LESS_OR_EQUAL("<=", 4),
    ADD("+", 5),
    SUBTRACT("-", 5),
    MULTIPLY("*", 6),
    DIVIDE("/", 6),
    MODULO("%", 6);

    /** The lowest precedence level, where parsing a full operand chain starts. */
    static final int LOWEST = 1;

    private final String symbol;
    private final int precedence;

    BinaryOperator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** How the operator is written. */
    public String symbol() {
        return symbol;
    }

    /** The precedence level, from 1 ({@code ||}) to 6 ({@code * / %}). */
    public int precedence() {
        return precedence;
    }

    /** The operator a token denotes, or null when the token is not a binary operator. */
    static BinaryOperator of(TokenType type) {
        return switch (type) {
            case OR -> OR;
            case AND -> AND;
            case EQEQ -> EQUAL;
            case NOTEQ -> NOT_EQUAL;
            case GT -> GREATER;
            case GE -> GREATER_OR_EQUAL;
            case LT -> LESS;
            case LE -> LESS_OR_EQUAL;
            case PLUS -> ADD;
            case MINUS -> SUBTRACT;
            case STAR -> MULTIPLY;
            case SLASH -> DIVIDE;
            case PERCENT -> MODULO;
            default -> null;
        };
    }
}
