package io.netform.hcl;

/** The kinds of token the {@link Lexer} produces; whitespace is not a token, comments and newlines are. */
public enum TokenType {
    IDENT,
    NUMBER,
    LBRACE("{"),
    RBRACE("}"),
    LBRACK("["),
    RBRACK("]"),
    LPAREN("("),
    RPAREN(")"),
    COMMA(","),
    DOT("."),
    ELLIPSIS("..."),
    COLON(":"),
    /** Separates the parts of a provider function name, {@code provider::nsxt::fn}. */
    DOUBLE_COLON("::"),
    QUESTION("?"),
    EQUAL("="),
    FAT_ARROW("=>"),
    PLUS("+"),
    MINUS("-"),
    STAR("*"),
    SLASH("/"),
    PERCENT("%"),
    AND("&&"),
    OR("||"),
    BANG("!"),
    EQEQ("=="),
    NOTEQ("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    /** The opening quote of a quoted template. */
    OQUOTE("\""),
    /** The closing quote of a quoted template. */
    CQUOTE("\""),
    /** Literal text inside a quoted template, escapes still encoded. */
    QUOTED_LIT,
    /** {@code <<EOT} or {@code <<-EOT} including the newline that ends it. */
    OHEREDOC,
    /** Literal text inside a heredoc or a bare template, at most one line. */
    STRING_LIT,
    /** The line that closes a heredoc: optional leading spaces and the marker. */
    CHEREDOC,
    /** {@code ${} or {@code ${~}. */
    INTERP_OPEN("${"),
    /** {@code %{} or {@code %{~}. */
    DIRECTIVE_OPEN("%{"),
    /** {@code }} or {@code ~}} closing an interpolation or directive. */
    SEQ_END("}"),
    NEWLINE,
    COMMENT,
    /** A block comment without its closing {@code *}{@code /}. */
    UNTERMINATED_COMMENT,
    /** A character the language does not use. */
    INVALID,
    EOF;

    private final String text;

    TokenType() {
        this(null);
    }

    TokenType(String text) {
        this.text = text;
    }

    /** How the token is written, for messages ({@code "identifier"} style names for variable tokens). */
    public String describe() {
        if (text != null) {
            return "\"" + text + "\"";
        }
        return switch (this) {
            case IDENT -> "identifier";
            case NUMBER -> "number";
            case QUOTED_LIT, STRING_LIT -> "string";
            case OHEREDOC -> "heredoc";
            case CHEREDOC -> "heredoc end marker";
            case NEWLINE -> "newline";
            case COMMENT, UNTERMINATED_COMMENT -> "comment";
            case INVALID -> "invalid character";
            case EOF -> "end of file";
            default -> name();
        };
    }
}
