package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.state.State;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An object holding an infinity cannot be kept in state, whose JSON has none; the error names it. */
class NumberStateTest {

    @TempDir
    Path dir;

    @Test
    void aDataSourceThatReadsInfinityFailsWithItsAddress() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                data "testing_echo" "ratio" {
                  input = 1 / 0
                }
                """);
        PlanResult r = Planner.plan(
                FakeWalks.context(dir, new FakeProvider(), Map.of()), State.empty("0.1.0"), PlanOptions.defaults());
        assertThat(FakeWalks.shown(r.diagnostics()))
                .anySatisfy(shown -> assertThat(shown)
                        .contains("Failed to encode data.testing_echo.ratio in state")
                        .contains("cannot serialize infinity as JSON."));
    }
}
