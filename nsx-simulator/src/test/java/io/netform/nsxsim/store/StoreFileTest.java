package io.netform.nsxsim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot file: atomic replacement, clear errors, one simulator per directory. */
class StoreFileTest {

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsTheObjects() {
        StoreFile file = new StoreFile(dir);
        assertThat(file.load()).isEmpty();
        ObjectNode object = Json.object().put("path", "/infra/segments/a");
        file.save(List.of(object));
        assertThat(file.load()).contains(List.of(object));
        assertThat(Files.exists(dir.resolve("store.json.tmp"))).isFalse();
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
