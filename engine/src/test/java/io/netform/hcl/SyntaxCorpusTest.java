package io.netform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every construct of the native syntax parses to the expected tree (golden {@code .ast} files). */
class SyntaxCorpusTest {

    @TestFactory
    Stream<DynamicTest> eachCorpusFileParsesToItsGoldenTree() {
        return Corpus.files("syntax", ".tf").stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> assertParsesToGolden(file)));
    }

    private static void assertParsesToGolden(Path file) {
        ParseResult<Body> result = HclParser.parseFile(file.getFileName().toString(), Corpus.read(file));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(SyntaxTreePrinter.print(result.value())).isEqualTo(Corpus.read(Corpus.sibling(file, ".tf", ".ast")));
    }
}
