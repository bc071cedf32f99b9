package io.netform.hcl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Entry points for parsing configuration files, standalone expressions and template files. */
public final class HclParser {
    private static final Comparator<Diagnostic> BY_POSITION = Comparator.comparingInt(
            d -> d.subject() == null ? Integer.MAX_VALUE : d.subject().startByte());

    private HclParser() {}

    /** Parses a configuration file given as UTF-8 bytes; invalid UTF-8 is reported as a diagnostic. */
    public static ParseResult<Body> parseFile(String name, byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(content), out, true);
        if (!result.isError()) {
            out.flip();
            return parseFile(name, out.toString());
        }
        out.flip();
        SourceFile prefix = new SourceFile(name, out.toString());
        SourcePos at = prefix.positionAt(prefix.length());
        String lenient = new String(content, StandardCharsets.UTF_8);
        ParseResult<Body> parsed = parseFile(name, lenient);
        List<Diagnostic> diagnostics = new ArrayList<>();
        diagnostics.add(Diagnostic.error(
                "Invalid character encoding",
                "All input files must be UTF-8 encoded. " + "Ensure that UTF-8 encoding is selected in your editor.",
                new SourceRange(name, at, at)));
        diagnostics.addAll(parsed.diagnostics());
        return new ParseResult<>(parsed.value(), diagnostics);
    }

    /** Parses the text of a configuration file. */
    public static ParseResult<Body> parseFile(String name, String text) {
        return parseFile(new SourceFile(name, text));
    }

    /** Parses an already indexed configuration file. */
    public static ParseResult<Body> parseFile(SourceFile source) {
        TokenCursor cursor = new TokenCursor(Lexer.lexConfig(source));
        reportLexicalErrors(cursor);
        Body body = new BodyParser(cursor, new ExpressionParser(cursor)).parseFile();
        return result(body, cursor);
    }

    /** Parses a standalone expression, such as a {@code -var} value or a console input line. */
    public static ParseResult<Expression> parseExpression(String name, String text) {
        return parseExpression(new SourceFile(name, text));
    }

    /** Parses a standalone expression from an indexed source, such as a reference written in a JSON string. */
    public static ParseResult<Expression> parseExpression(SourceFile source) {
        TokenCursor cursor = new TokenCursor(Lexer.lexConfig(source));
        reportLexicalErrors(cursor);
        cursor.pushNewlines(false);
        Expression expression = new ExpressionParser(cursor).parse();
        int rest = cursor.peek();
        if (cursor.tokens().type(rest) != TokenType.EOF && cursor.errorCount() == 0) {
            cursor.error(
                    rest,
                    "Extra characters after expression",
                    "An expression was successfully parsed, but " + "extra characters were found after it.");
        }
        return result(expression, cursor);
    }

    /** Parses a whole file as a template, the way {@code templatefile} reads it. */
    public static ParseResult<Expression> parseTemplate(String name, String text) {
        return parseTemplate(new SourceFile(name, text));
    }

    /** Parses an indexed source as a template, such as a string of a JSON configuration file. */
    public static ParseResult<Expression> parseTemplate(SourceFile source) {
        TokenCursor cursor = new TokenCursor(Lexer.lexTemplate(source));
        reportLexicalErrors(cursor);
        Expression template = new ExpressionParser(cursor).templates().parseBare();
        return result(template, cursor);
    }

    private static <T> ParseResult<T> result(T value, TokenCursor cursor) {
        List<Diagnostic> diagnostics = new ArrayList<>(cursor.diagnostics());
        diagnostics.sort(BY_POSITION);
        return new ParseResult<>(value, diagnostics);
    }

    /** Invalid characters and unterminated comments are reported once here; the parser skips them silently. */
    private static void reportLexicalErrors(TokenCursor cursor) {
        Tokens tokens = cursor.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            TokenType type = tokens.type(i);
            if (type == TokenType.INVALID) {
                cursor.error(tokens.range(i), "Invalid character", invalidCharacterDetail(tokens.text(i)));
            } else if (type == TokenType.UNTERMINATED_COMMENT) {
                cursor.error(
                        tokens.range(i),
                        "Unterminated comment",
                        "There is no closing \"*/\" for this comment before the end of the file.");
            }
        }
    }

    private static String invalidCharacterDetail(String text) {
        return switch (text) {
            case "'" -> "Single quotes are not valid. Use double quotes (\") to enclose strings.";
            case "\uFEFF" -> "UTF-8 byte order marks are not permitted; save the file as UTF-8 without a BOM.";
            case "&" -> "Bitwise operators are not supported. Did you mean boolean AND (\"&&\")?";
            case "|" -> "Bitwise operators are not supported. Did you mean boolean OR (\"||\")?";
            case "~" -> "The tilde is only valid as a strip marker right inside the braces of a template sequence.";
            case "\r" -> "A carriage return must be followed by a line feed.";
            default -> "This character is not used within the language.";
        };
    }
}
