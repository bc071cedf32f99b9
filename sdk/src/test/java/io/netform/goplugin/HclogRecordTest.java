package io.netform.goplugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HclogRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void readsAGoPluginJsonLine() {
        HclogRecord record = HclogRecord.parse(
                "{\"@level\":\"warn\",\"@message\":\"slow API\",\"@module\":\"provider\","
                        + "\"@timestamp\":\"2026-11-26T10:15:30.123456+01:00\","
                        + "\"attempt\":3,\"path\":\"/infra\"}",
                NOW);
        assertThat(record.level()).isEqualTo(LogLevel.WARN);
        assertThat(record.message()).isEqualTo("slow API");
        assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-26T09:15:30.123456Z"));
        assertThat(record.fields())
                .containsExactlyInAnyOrderEntriesOf(Map.of("@module", "provider", "attempt", "3", "path", "/infra"));
    }

    @Test
    void keepsPlainLinesWholeWithTheLevelOfTheirPrefix() {
        assertThat(HclogRecord.parse("[ERROR] boom", NOW))
                .isEqualTo(new HclogRecord(LogLevel.ERROR, "[ERROR] boom", NOW, Map.of()));
        assertThat(HclogRecord.parse("just text", NOW).level()).isEqualTo(LogLevel.DEBUG);
        assertThat(HclogRecord.parse("{not json", NOW).message()).isEqualTo("{not json");
    }

    @Property
    void readsBackWhatItWrites(@ForAll LogLevel level, @ForAll String message, @ForAll String value) {
        HclogRecord written =
                new HclogRecord(level, message, Instant.parse("2026-11-26T12:34:56.789012Z"), Map.of("key", value));
        assertThat(HclogRecord.parse(written.toJsonLine(), NOW)).isEqualTo(written);
    }
}
