package io.netform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a user sees a diagnostic on the terminal. */
class DiagnosticRendererTest {

    @Test
    void rendersPlaceSummaryDetailAndUnderlinedSnippet() {
        String text = "resource \"x\" \"y\" {\n\tcount = [1 2]\n}\n";
        ParseResult<Body> result = HclParser.parseFile("main.tf", text);

        String rendered = new DiagnosticRenderer().withSource("main.tf", text).render(result.diagnostics());

        assertThat(rendered).isEqualTo("""
                main.tf:2:13: Missing item separator
                  Expected a comma to mark the beginning of the next item.

                  2 | \tcount = [1 2]
                    | \t           ^
                """);
    }

    @Test
    void underlinesTheWholeSubjectOnItsFirstLine() {
        String text = "a = \"bad \\q\" + \"x\"\n";
        Diagnostic d = Diagnostic.error("Summary", "Detail.", new SourceFile("m.tf", text).range(4, 12));

        assertThat(new DiagnosticRenderer().withSource("m.tf", text).render(d)).endsWith("""
                  1 | a = "bad \\q" + "x"
                    |     ^~~~~~~~
                """);
    }

    @Test
    void omitsTheSnippetWithoutSourceAndMarksWarnings() {
        Diagnostic d =
                Diagnostic.warning("Deprecated", "Use the other one.", new SourceFile("w.tf", "a = 1\n").range(0, 1));

        assertThat(new DiagnosticRenderer().render(List.of(d)))
                .isEqualTo("w.tf:1:1: Warning: Deprecated\n  Use the other one.\n");
    }
}
