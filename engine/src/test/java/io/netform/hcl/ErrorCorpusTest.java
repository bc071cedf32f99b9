package io.netform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Broken files produce HCL's summaries at the expected ranges ({@code .errors} files list
 * {@code line:col-line:col summary}), several independent errors per pass, and never an exception.
 */
class ErrorCorpusTest {

    @TestFactory
    Stream<DynamicTest> eachBrokenFileReportsTheExpectedDiagnostics() {
        return Corpus.files("errors", ".tf").stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> assertReportsExpected(file)));
    }

    private static void assertReportsExpected(Path file) throws Exception {
        String name = file.getFileName().toString();
        ParseResult<Body> result = HclParser.parseFile(name, Files.readAllBytes(file));

        String actual =
                result.diagnostics().stream().map(ErrorCorpusTest::describe).collect(Collectors.joining());
        assertThat(actual).isEqualTo(Corpus.read(Corpus.sibling(file, ".tf", ".errors")));
        assertThat(result.diagnostics()).allSatisfy(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.detail()).isNotBlank();
            assertThat(d.subject().file()).isEqualTo(name);
        });
    }

    private static String describe(Diagnostic d) {
        SourceRange r = d.subject();
        return r.start().line() + ":" + r.start().column() + "-" + r.end().line() + ":"
                + r.end().column() + " " + d.summary() + "\n";
    }
}
