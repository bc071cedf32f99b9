package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceFile;
import io.netform.hcl.SourceRange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How diagnostics reach the user: consolidated warnings for people, every one of them for tools. */
class DiagnosticPrinterTest {

    private static final String TEXT =
            "resource \"a_b\" \"one\" {\n}\nresource \"a_b\" \"two\" {\n}\n" + "resource \"a_b\" \"three\" {\n}\n";
    private static final SourceFile FILE = new SourceFile("main.tf", TEXT);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Ui ui = new Ui(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);

    /** The empty range at the opening brace of the {@code nth} block (from 1). */
    private static SourceRange brace(int nth) {
        int offset = -1;
        for (int i = 0; i < nth; i++) {
            offset = TEXT.indexOf('{', offset + 1);
        }
        return FILE.range(offset, offset);
    }

    private static Diagnostic deprecated(int nth) {
        return Diagnostic.warning(
                "Deprecated Resource",
                "Use the _v1 name.\n\n  with a_b."
                        + List.of("one", "two", "three").get(nth - 1),
                brace(nth));
    }

    private String printed(List<Diagnostic> diagnostics, boolean compact) {
        new DiagnosticPrinter(ui, Map.of("main.tf", TEXT), null, compact).print(diagnostics);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void repeatedWarningsWithAPlaceFoldIntoTheFirst() {
        String shown = printed(
                List.of(
                        deprecated(1),
                        Diagnostic.warning("Other", "Something else.", brace(2)),
                        deprecated(2),
                        deprecated(3)),
                false);

        assertThat(shown).containsOnlyOnce("Deprecated Resource").containsOnlyOnce("Other");
        assertThat(shown).contains("Use the _v1 name.\n\n  with a_b.one\n\n(and 2 more similar warnings elsewhere)");
        assertThat(shown.indexOf("Deprecated Resource")).isLessThan(shown.indexOf("Other"));
    }

    @Test
    void oneRepetitionIsSaidInWords() {
        assertThat(printed(List.of(deprecated(1), deprecated(2)), false))
                .contains("(and one more similar warning elsewhere)");
    }

    @Test
    void warningsWithoutAPlaceAndErrorsAreEachShown() {
        String shown = printed(
                List.of(
                        Diagnostic.warning("Sourceless", "A.", null),
                        Diagnostic.warning("Sourceless", "B.", null),
                        Diagnostic.error("Bad", "C.", brace(1)),
                        Diagnostic.error("Bad", "D.", brace(2))),
                false);

        assertThat(shown).contains("A.", "B.", "C.", "D.").doesNotContain("similar");
    }

    @Test
    void compactWarningsCountTheFoldedPlaces() {
        assertThat(printed(List.of(deprecated(1), deprecated(2), deprecated(3)), true))
                .contains("- Deprecated Resource\n  on main.tf line 1 (and 2 more)\n");
    }

    @Test
    void jsonGivesEveryWarningAndAnEmptyRangeOneCharacter() throws Exception {
        new DiagnosticPrinter(ui, Map.of("main.tf", TEXT), new JsonUiStream(ui.out(), Clock.systemUTC()), false)
                .print(List.of(deprecated(1), deprecated(2)));

        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(DiagnosticPrinterTest::json)
                .toList();
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0).path("diagnostic");
        assertThat(first.path("detail").asText()).isEqualTo("Use the _v1 name.");
        assertThat(first.path("address").asText()).isEqualTo("a_b.one");
        assertThat(first.path("range").path("start").path("column").asInt()).isEqualTo(22);
        assertThat(first.path("range").path("end").path("column").asInt()).isEqualTo(23);
        JsonNode snippet = first.path("snippet");
        assertThat(snippet.path("code").asText()).isEqualTo("resource \"a_b\" \"one\" {");
        assertThat(snippet.path("highlight_start_offset").asInt()).isEqualTo(21);
        assertThat(snippet.path("highlight_end_offset").asInt()).isEqualTo(22);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
