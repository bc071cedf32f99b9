package io.netform.hcl;

import static io.netform.hcl.TokenType.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The token stream the parser and the formatter work on. */
class LexerTest {

    private static List<TokenType> types(String text) {
        Tokens tokens = Lexer.lexConfig(new SourceFile("t.tf", text));
        List<TokenType> types = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            types.add(tokens.type(i));
        }
        return types;
    }

    private static List<String> texts(String text) {
        Tokens tokens = Lexer.lexConfig(new SourceFile("t.tf", text));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            texts.add(tokens.text(i));
        }
        return texts;
    }

    @Test
    void commentsAndNewlinesAreTokensButSpacesAreNot() {
        assertThat(types("a = 1 # c\r\n/* b */ // d\n"))
                .containsExactly(IDENT, EQUAL, NUMBER, COMMENT, NEWLINE, COMMENT, COMMENT, NEWLINE, EOF);
    }

    @Test
    void numbersTakeFractionsAndExponentsOnlyWhenDigitsFollow() {
        assertThat(texts("1.5e-3 2. 3e x.0")).containsExactly("1.5e-3", "2", ".", "3", "e", "x", ".", "0", "");
    }

    @Test
    void identifiersMayContainDashesAndUnicodeLetters() {
        assertThat(texts("data-source_1 héllo")).containsExactly("data-source_1", "héllo", "");
    }

    @Test
    void operatorsAreLongestMatch() {
        assertThat(types("== != <= >= => && || ... !"))
                .containsExactly(EQEQ, NOTEQ, LE, GE, FAT_ARROW, AND, OR, ELLIPSIS, BANG, EOF);
    }

    @Test
    void quotedTemplatesNestExpressionsAndObjectBraces() {
        assertThat(types("\"a${ {b = 1}.b ~}c\""))
                .containsExactly(
                        OQUOTE,
                        QUOTED_LIT,
                        INTERP_OPEN,
                        LBRACE,
                        IDENT,
                        EQUAL,
                        NUMBER,
                        RBRACE,
                        DOT,
                        IDENT,
                        SEQ_END,
                        QUOTED_LIT,
                        CQUOTE,
                        EOF);
    }

    @Test
    void escapedSequenceIntroducersStayLiteralText() {
        assertThat(texts("\"$${a} %%{b} \\\" x\"")).containsExactly("\"", "$${a} %%{b} \\\" x", "\"", "");
    }

    @Test
    void heredocsRunUntilTheMarkerAloneOnALine() {
        assertThat(types("a = <<-EOT\n  x ${y}\n  EOTX\n  EOT\nb = 1"))
                .containsExactly(
                        IDENT,
                        EQUAL,
                        OHEREDOC,
                        STRING_LIT,
                        INTERP_OPEN,
                        IDENT,
                        SEQ_END,
                        STRING_LIT,
                        STRING_LIT,
                        CHEREDOC,
                        NEWLINE,
                        IDENT,
                        EQUAL,
                        NUMBER,
                        EOF);
    }

    @Test
    void aQuotedStringEndsAtTheLineEnd() {
        assertThat(types("a = \"x\nb = 1"))
                .containsExactly(IDENT, EQUAL, OQUOTE, QUOTED_LIT, NEWLINE, IDENT, EQUAL, NUMBER, EOF);
    }

    @Test
    void unknownCharactersAndUnclosedCommentsAreMarked() {
        assertThat(types("a = @ /* x")).containsExactly(IDENT, EQUAL, INVALID, UNTERMINATED_COMMENT, EOF);
    }

    @Test
    void lessThanLessThanWithoutAMarkerLineIsTwoComparisons() {
        assertThat(types("a << b")).containsExactly(IDENT, LT, LT, IDENT, EOF);
    }
}
