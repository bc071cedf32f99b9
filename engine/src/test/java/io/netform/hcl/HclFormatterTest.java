package io.netform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The canonical style, checked on golden pairs and on the properties a user relies on. */
class HclFormatterTest {

    @TestFactory
    Stream<DynamicTest> eachInputFormatsToItsGoldenOutput() {
        return Corpus.files("fmt", ".in.tf").stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> assertFormatsToGolden(file)));
    }

    private static void assertFormatsToGolden(Path input) {
        String expected = Corpus.read(Corpus.sibling(input, ".in.tf", ".out.tf"));

        FormatResult result = HclFormatter.format("in.tf", Corpus.read(input));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.formatted()).isEqualTo(expected);
        assertThat(HclFormatter.format("out.tf", expected).changed())
                .as("golden output is already canonical")
                .isFalse();
    }

    @Test
    void everySyntaxCorpusFileKeepsItsTreeWhenFormatted() {
        for (Path file : Corpus.files("syntax", ".tf")) {
            String text = Corpus.read(file);
            FormatResult result = HclFormatter.format(file.toString(), text);

            assertThat(SyntaxTreePrinter.print(
                            HclParser.parseFile("x", result.formatted()).value()))
                    .as(file.toString())
                    .isEqualTo(SyntaxTreePrinter.print(
                            HclParser.parseFile("x", text).value()));
            assertThat(HclFormatter.format("again", result.formatted()).changed())
                    .as(file.toString())
                    .isFalse();
        }
    }

    @Test
    void aFileWithSyntaxErrorsIsReportedAndLeftAsItIs() {
        String text = "a   =  [1 2]\n";

        FormatResult result = HclFormatter.format("bad.tf", text);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.formatted()).isEqualTo(text);
        assertThat(result.changed()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::summary).containsExactly("Missing item separator");
    }

    @Test
    void invalidUtf8IsASyntaxError() {
        FormatResult result =
                HclFormatter.format("bad.tf", new byte[] {'a', ' ', '=', ' ', '"', (byte) 0xFF, '"', '\n'});

        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void bytesInUtf8AreFormattedLikeText() {
        FormatResult result = HclFormatter.format("u.tf", "name=\"é\"\n".getBytes(StandardCharsets.UTF_8));

        assertThat(result.formatted()).isEqualTo("name = \"é\"\n");
    }

    @Test
    void theDiffIsAUnifiedDiffOfTheChangedLines() {
        FormatResult result =
                HclFormatter.format("main.tf", "a = 1\nb=2\nc = 3\nd = 4\ne = 5\nf = 6\ng = 7\nh = 8\n\n\nz=1\n");

        assertThat(result.diff()).isEqualTo("""
                --- old/main.tf
                +++ new/main.tf
                @@ -1,5 +1,5 @@
                 a = 1
                -b=2
                +b = 2
                 c = 3
                 d = 4
                 e = 5
                @@ -7,5 +7,4 @@
                 g = 7
                 h = 8
                \s
                -
                -z=1
                +z = 1
                """);
    }

    @Test
    void anUnchangedFileHasNoDiff() {
        FormatResult result = HclFormatter.format("main.tf", "a = 1\n");

        assertThat(result.changed()).isFalse();
        assertThat(result.diff()).isEmpty();
    }
}
