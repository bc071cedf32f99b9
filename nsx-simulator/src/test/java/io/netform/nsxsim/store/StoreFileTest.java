package io.netform.nsxsim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot and its log: atomic replacement, torn transactions dropped whole, clear errors, one simulator per directory. */
class StoreFileTest {

    @TempDir
    Path dir;

    private static ObjectNode segment(String id, String description) {
        return Json.object().put("path", "/infra/segments/" + id).put("description", description);
    }

    private static Map<String, ObjectNode> changes(ObjectNode... nodes) {
        Map<String, ObjectNode> changes = new LinkedHashMap<>();
        for (ObjectNode node : nodes) {
            changes.put(node.path("path").asText(), node);
        }
        return changes;
    }

    private static List<String> paths(StoreFile file) {
        return file.load().orElseThrow().stream()
                .map(node -> node.path("path").asText())
                .sorted()
                .toList();
    }

    @Test
    void savesAndLoadsTheObjects() throws Exception {
        StoreFile file = new StoreFile(dir);
        assertThat(file.load()).isEmpty();
        ObjectNode object = Json.object().put("path", "/infra/segments/a");
        file.save(List.of(object));
        assertThat(file.load()).contains(List.of(object));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary file is left")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void loggedChangesAreLoadedOverTheSnapshotAndSavingFoldsThemIn() throws Exception {
        StoreFile file = new StoreFile(dir);
        file.load();
        file.save(List.of(segment("a", "1"), segment("b", "1")));
        Map<String, ObjectNode> removeA = new HashMap<>();
        removeA.put("/infra/segments/a", null);
        file.append(changes(segment("c", "1"), segment("b", "2")), true);
        file.append(removeA, true);
        String snapshot = Files.readString(file.path());

        StoreFile reopened = new StoreFile(dir);
        assertThat(paths(reopened)).containsExactly("/infra/segments/b", "/infra/segments/c");
        assertThat(Files.readString(file.path()))
                .as("a change rewrites no snapshot")
                .isEqualTo(snapshot);

        reopened.save(reopened.load().orElseThrow());
        assertThat(Files.size(reopened.logPath())).isZero();
        StoreFile afterCompaction = new StoreFile(dir);
        assertThat(paths(afterCompaction)).containsExactly("/infra/segments/b", "/infra/segments/c");
        assertThat(afterCompaction.load().orElseThrow())
                .filteredOn(node -> node.path("path").asText().endsWith("/b"))
                .singleElement()
                .satisfies(b -> assertThat(b.path("description").asText()).isEqualTo("2"));
    }

    @Test
    void aTransactionCutShortIsDroppedWholeAndTheNextAppendReplacesIt() throws Exception {
        StoreFile file = new StoreFile(dir);
        file.load();
        file.save(List.of(segment("a", "1")));
        file.append(changes(segment("b", "1")), true);
        long whole = Files.size(file.logPath());
        file.append(changes(segment("c", "1"), segment("d", "1")), true);
        byte[] log = Files.readAllBytes(file.logPath());
        Files.write(file.logPath(), java.util.Arrays.copyOf(log, (int) (whole + (log.length - whole) / 2)));

        StoreFile reopened = new StoreFile(dir);
        assertThat(paths(reopened)).containsExactly("/infra/segments/a", "/infra/segments/b");
        reopened.append(changes(segment("e", "1")), true);

        assertThat(paths(new StoreFile(dir)))
                .containsExactly("/infra/segments/a", "/infra/segments/b", "/infra/segments/e");
        assertThat(Files.readString(file.logPath())).doesNotContain("segments/c");
    }

    @Test
    void aCrashBetweenSnapshotAndEmptyingTheLogLoadsTheSameObjects() throws Exception {
        StoreFile file = new StoreFile(dir);
        file.load();
        file.save(List.of(segment("a", "1")));
        file.append(changes(segment("a", "2"), segment("b", "1")), true);
        Map<String, ObjectNode> removeB = new HashMap<>();
        removeB.put("/infra/segments/b", null);
        file.append(removeB, true);
        byte[] log = Files.readAllBytes(file.logPath());
        List<ObjectNode> objects = file.load().orElseThrow();
        file.save(objects);
        Files.write(file.logPath(), log); // as if the crash came before the log was emptied

        assertThat(new StoreFile(dir).load()).contains(objects);
    }

    @Test
    void aSimulatorKilledWhileWritingLosesNoChangeItReported() throws Exception {
        Process writer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoreFileWriter.class.getName(),
                        dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int reported = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            while (reported < 300 && out.readLine() != null) {
                reported++;
            }
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reported).isEqualTo(300);

        List<String> paths = paths(new StoreFile(dir));
        assertThat(paths.size()).isGreaterThanOrEqualTo(300);
        for (int i = 0; i < reported; i++) {
            assertThat(paths).contains("/infra/segments/s" + i);
        }
    }

    @Test
    void aDamagedSnapshotIsReportedWithItsPath() throws Exception {
        Files.writeString(dir.resolve("store.json"), "{\"objects\":");
        assertThatThrownBy(() -> new StoreFile(dir).load())
                .hasMessageContaining(dir.resolve("store.json").toString());
        Files.writeString(dir.resolve("store.json"), "{\"something\":1}");
        assertThatThrownBy(() -> new StoreFile(dir).load()).hasMessageContaining("not a simulator store");
    }

    @Test
    void aSecondSimulatorOnTheSameDirectoryIsRefused() throws Exception {
        StoreFile file = new StoreFile(dir);
        try (AutoCloseable held = file.lock(Duration.ZERO)) {
            assertThat(held).isNotNull();
            assertThatThrownBy(() -> new StoreFile(dir).lock(Duration.ZERO)).hasMessageContaining("in use by another");
        }
        try (AutoCloseable again = file.lock(Duration.ZERO)) {
            assertThat(again).isNotNull();
        }
    }
}
