package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.moduletest.FileResult;
import io.netform.moduletest.LeftBehind;
import io.netform.moduletest.TestStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deposed object a cleanup left behind is listed with its deposed key, as Terraform lists it. */
class LeftBehindReportTest {

    private static final FileResult FILE = new FileResult(
            "tests/a.tftest.hcl",
            TestStatus.ERROR,
            List.of(),
            List.of(),
            List.of(),
            List.of(new LeftBehind("testing_object.web", null), new LeftBehind("testing_object.web", "0a1b2c3d")));

    @Test
    void jsonGivesTheDeposedKeyItsOwnField() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonTestView(
                        new JsonUiStream(
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
                        Map.of(),
                        null)
                .fileCompleted(FILE);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"test_cleanup\":{\"failed_resources\":[{\"instance\":\"testing_object.web\"},"
                        + "{\"instance\":\"testing_object.web\",\"deposed_key\":\"0a1b2c3d\"}]}");
    }

    @Test
    void peopleSeeTheDeposedKeyInParentheses() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Ui ui = new Ui(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        new HumanTestView(ui, Map.of(), run -> {}).fileCompleted(FILE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .endsWith("  - testing_object.web\n  - testing_object.web (0a1b2c3d)\n");
    }
}
