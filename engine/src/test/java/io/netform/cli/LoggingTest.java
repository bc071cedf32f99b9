package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.goplugin.HclogRecord;
import io.netform.goplugin.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NETFORM_LOG / TF_LOG and their _PATH variables, as a user sets them around a real command. */
class LoggingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T18:00:00.123Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Logging logging(Map<String, String> env) {
        return Logging.fromEnvironment(env, new PrintStream(stderr, true, StandardCharsets.UTF_8), CLOCK);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutALevelNothingIsLoggedEvenWithAPath() throws Exception {
        Path file = dir.resolve("netform.log");
        CliRun run = CliRun.run(dir, Map.of("TF_LOG_PATH", file.toString()), "version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void theLogPathCollectsTheLinesOfEveryRunAtOrAboveTheLevel() throws Exception {
        Path file = dir.resolve("netform.log");
        Map<String, String> env = Map.of("TF_LOG", "info", "TF_LOG_PATH", file.toString());
        CliRun first = CliRun.run(dir, env, "version");
        CliRun second = CliRun.run(dir, env, "version");
        assertThat(first.err()).isEmpty();
        assertThat(second.exitCode()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines)
                .filteredOn(l -> l.contains("[INFO]  Netform version: "))
                .hasSize(2);
        assertThat(lines).noneMatch(l -> l.contains("[DEBUG]"));
    }

    @Test
    void netformLogWinsOverTfLogAndDebugShowsTheCommandButNotItsFlagValues() {
        CliRun run = CliRun.run(dir, Map.of("NETFORM_LOG", "DEBUG", "TF_LOG", "ERROR"), "version", "-json");
        assertThat(run.err())
                .contains("[INFO]  Netform version: ")
                .contains("[DEBUG] Command: netform version")
                .doesNotContain("-json");
    }

    @Test
    void jsonWritesHclogJsonLinesAtTraceLevel() throws Exception {
        Logging log = logging(Map.of("TF_LOG", "JSON"));
        log.log(LogLevel.TRACE, "walk started");
        log.pluginSink()
                .log("testing", new HclogRecord(LogLevel.DEBUG, "read", CLOCK.instant(), Map.of("id", "obj-1")));
        String[] lines = stderr().split("\n");
        assertThat(lines).hasSize(2);
        var first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("@level").asText()).isEqualTo("trace");
        assertThat(first.get("@message").asText()).isEqualTo("walk started");
        var second = new ObjectMapper().readTree(lines[1]);
        assertThat(second.get("@module").asText()).isEqualTo("provider.testing");
        assertThat(second.get("id").asText()).isEqualTo("obj-1");
    }

    @Test
    void pluginLinesCarryTheirPluginsNameAndFollowTheLevel() {
        Logging log = logging(Map.of("NETFORM_LOG", "warn"));
        log.pluginSink().log("nsxt", new HclogRecord(LogLevel.INFO, "configured", CLOCK.instant(), Map.of()));
        log.pluginSink()
                .log(
                        "nsxt",
                        new HclogRecord(LogLevel.ERROR, "request failed", CLOCK.instant(), Map.of("status", "503")));
        assertThat(stderr()).isEqualTo("2026-11-26T18:00:00.123Z [ERROR] provider.nsxt: request failed status=503\n");
    }

    @Test
    void anUnknownLevelIsReportedAndTraceIsUsed() {
        Logging log = logging(Map.of("TF_LOG", "verbose"));
        assertThat(stderr()).contains("Invalid log level: \"verbose\"");
        assertThat(log.enabled(LogLevel.TRACE)).isTrue();
    }

    @Test
    void offWritesNothing() {
        Logging log = logging(Map.of("NETFORM_LOG", "off", "TF_LOG", "trace"));
        log.log(LogLevel.ERROR, "x");
        assertThat(log.enabled(LogLevel.ERROR)).isFalse();
        assertThat(stderr()).isEmpty();
    }
}
