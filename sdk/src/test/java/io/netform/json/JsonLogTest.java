package io.netform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Framed records: whole ones read back, a torn last one is dropped, damage before whole ones is reported. */
class JsonLogTest {

    private static JsonNode record(String text) {
        return ExactJson.MAPPER.createObjectNode().put("put", text).put("n", new java.math.BigDecimal("0.10"));
    }

    private static byte[] log(String... texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String text : texts) {
            out.writeBytes(JsonLog.frame(record(text)));
        }
        return out.toByteArray();
    }

    @Test
    void recordsReadBackWithTheBytesTheyTake() {
        byte[] bytes = log("a", "b");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).matches("(?s)\\d+ [0-9a-f]{8} \\{\"put\":\"a\",\"n\":0.10}\n\\d+ [0-9a-f]{8} .*\n");

        JsonLog.Read read = JsonLog.read(bytes, 0, "log");
        assertThat(read.records())
                .extracting(r -> r.json().path("put").asText())
                .containsExactly("a", "b");
        assertThat(read.records().get(0).bytes() + read.records().get(1).bytes())
                .isEqualTo(bytes.length);
        assertThat(read.end()).isEqualTo(bytes.length);
    }

    @Test
    void everyCutOfTheLastRecordIsDroppedAtTheEndOfTheWholeOnes() {
        byte[] whole = log("a");
        byte[] bytes = log("a", "b");
        for (int cut = whole.length; cut < bytes.length; cut++) {
            JsonLog.Read read = JsonLog.read(Arrays.copyOf(bytes, cut), 0, "log");
            assertThat(read.records()).hasSize(1);
            assertThat(read.end()).isEqualTo(whole.length);
        }
        byte[] zeros = Arrays.copyOf(whole, whole.length + 4096);
        assertThat(JsonLog.read(zeros, 0, "log").end())
                .as("a length extended with zeros")
                .isEqualTo(whole.length);
    }

    @Test
    void aDamagedRecordFollowedByWholeOnesIsAnError() {
        byte[] bytes = log("a", "b");
        bytes[bytes.length / 4] ^= 1;
        assertThatThrownBy(() -> JsonLog.read(bytes, 0, "the log"))
                .hasMessageContaining("the log: damaged record at byte 0");
    }
}
