package io.netform.provider.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.JsonLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store file: appends survive, a torn last record is dropped, sharers see each other, compaction keeps everything. */
class StoreLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("cloud.json");
    }

    private static ObjectNode object(String name, String value) {
        return JSON.createObjectNode().put("name", name).put("value", value);
    }

    @Test
    void changesAreAppendedAndReadByTheNextInstance() throws Exception {
        StoreLog store = new StoreLog(file());
        store.put("a", object("a", "1"));
        store.put("b", object("b", "1"));
        store.put("a", object("a", "2"));
        store.remove("b");

        assertThat(new StoreLog(file()).objects()).containsOnlyKeys("a");
        assertThat(new StoreLog(file()).get("a").orElseThrow().path("value").asText())
                .isEqualTo("2");
        assertThat(Files.readAllLines(file()))
                .hasSize(4)
                .allSatisfy(line -> assertThat(line).matches("\\d+ [0-9a-f]{8} \\{\"(put|delete)\":.*"));
    }

    @Test
    void aTornLastRecordIsDroppedAndTheNextAppendReplacesIt() throws Exception {
        StoreLog store = new StoreLog(file());
        store.put("a", object("a", "1"));
        store.put("b", object("b", "1"));
        byte[] torn = JsonLog.frame(JSON.createObjectNode().put("put", "c").set("object", object("c", "1")));
        Files.write(file(), Arrays.copyOf(torn, torn.length / 2), StandardOpenOption.APPEND);

        StoreLog reopened = new StoreLog(file());
        assertThat(reopened.objects()).containsOnlyKeys("a", "b");
        assertThat(store.objects()).as("an instance that saw the file before").containsOnlyKeys("a", "b");
        reopened.put("d", object("d", "1"));

        assertThat(new StoreLog(file()).objects()).containsOnlyKeys("a", "b", "d");
        assertThat(store.objects()).containsOnlyKeys("a", "b", "d");
        assertThat(Files.readString(file())).doesNotContain("\"c\"");
    }

    @Test
    void aDamagedRecordBeforeWholeOnesIsAnErrorNamingTheFile() throws Exception {
        StoreLog store = new StoreLog(file());
        store.put("a", object("a", "1"));
        store.put("b", object("b", "1"));
        Files.writeString(file(), Files.readString(file()).replaceFirst("\"1\"", "\"9\""));

        assertThatThrownBy(() -> new StoreLog(file()).get("a"))
                .hasMessageContaining(file().toString())
                .hasMessageContaining("damaged record at byte 0");
    }

    @Test
    void twoInstancesOnTheSameFileSeeEachOthersChanges() throws Exception {
        StoreLog first = new StoreLog(file());
        StoreLog second = new StoreLog(file());
        first.put("a", object("a", "1"));
        assertThat(second.get("a")).isPresent();
        second.remove("a");
        assertThat(first.get("a")).isEmpty();

        List<Thread> writers = new ArrayList<>();
        for (StoreLog store : List.of(first, second)) {
            String prefix = store == first ? "first-" : "second-";
            Thread writer = new Thread(() ->
                    IntStream.range(0, 200).forEach(i -> store.put(prefix + i, object(prefix + i, "v"))));
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(first.objects()).hasSize(400);
        assertThat(second.objects()).hasSize(400);
        assertThat(new StoreLog(file()).objects()).hasSize(400);
    }

    @Test
    void anotherProcessAppendingAtTheSameTimeLosesNothing() throws Exception {
        Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoreLogWriter.class.getName(),
                        file().toString(),
                        "other-",
                        "300")
                .redirectErrorStream(true)
                .start();
        StoreLog store = new StoreLog(file());
        for (int i = 0; i < 300; i++) {
            store.put("this-" + i, object("this-" + i, "v"));
        }
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue())
                .as(new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        assertThat(store.objects()).hasSize(600);
        assertThat(new StoreLog(file()).objects()).hasSize(600);
    }

    @Test
    void compactionKeepsEveryObjectAndSharersReadTheNewFile() throws Exception {
        StoreLog store = new StoreLog(file());
        StoreLog sharer = new StoreLog(file());
        for (int i = 0; i < 20; i++) {
            sharer.put("kept-" + i, object("kept-" + i, "v"));
        }
        assertThat(sharer.objects()).hasSize(20);
        for (int round = 0; round < 400; round++) {
            store.put("busy", object("busy", "round " + round));
            store.put("gone", object("gone", "x".repeat(100)));
            store.remove("gone");
        }

        String text = Files.readString(file());
        assertThat(text).as("compacted into a whole store").startsWith("{");
        assertThat(Files.size(file())).isLessThan(64 * 1024);
        assertThat(JSON.readTree(text).path("objects").size()).isBetween(20, 22);
        for (StoreLog reader : List.of(store, sharer, new StoreLog(file()))) {
            assertThat(reader.objects()).hasSize(21).doesNotContainKey("gone");
            assertThat(reader.get("busy").orElseThrow().path("value").asText()).isEqualTo("round 399");
        }

        sharer.put("after", object("after", "v"));
        StoreLog reopened = new StoreLog(file());
        assertThat(reopened.objects()).hasSize(22).containsKeys("kept-0", "kept-19", "busy", "after");
        assertThat(store.get("after")).isPresent();
    }

    @Test
    void aWholeStoreWrittenByHandIsReadAndAppendedTo() throws Exception {
        Files.writeString(file(), "{\n  \"objects\": {\n    \"a\": {\"name\": \"a\", \"value\": 1.50}\n  }\n}");
        StoreLog store = new StoreLog(file());
        assertThat(store.get("a").orElseThrow().path("value").decimalValue()).isEqualByComparingTo("1.50");
        store.put("b", object("b", "1"));

        assertThat(new StoreLog(file()).objects()).containsOnlyKeys("a", "b");
        assertThat(Files.readString(file())).startsWith("{").contains("}\n").endsWith("\n");
    }

    @Test
    void aFileRewrittenByHandIsReadAfresh() throws Exception {
        StoreLog store = new StoreLog(file());
        store.put("a", object("a", "1"));
        store.put("b", object("b", "1"));
        assertThat(store.objects()).hasSize(2);

        ObjectNode whole = JSON.createObjectNode();
        whole.putObject("objects").set("b", object("b", "edited"));
        Files.writeString(file(), whole.toString());

        assertThat(store.get("a")).isEmpty();
        JsonNode b = store.get("b").orElseThrow();
        assertThat(b.path("value").asText()).isEqualTo("edited");
    }
}
