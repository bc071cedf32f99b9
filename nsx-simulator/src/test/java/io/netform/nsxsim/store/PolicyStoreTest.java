package io.netform.nsxsim.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.TypeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persisted store: every write lands in the log, the log is folded into the snapshot as it grows and on close. */
class PolicyStoreTest {

    @TempDir
    Path dir;

    private PolicyStore open() {
        return PolicyStore.open(TypeCatalog.standard(), new StoreFile(dir), Duration.ZERO, Clock.systemUTC());
    }

    private static void putSegment(PolicyStore store, String id, String description) {
        String path = "/infra/segments/" + id;
        store.write(tx -> {
            tx.put(path, Json.object().put("path", path).put("description", description), List.of());
            return null;
        });
    }

    private static long segments(List<ObjectNode> objects) {
        return objects.stream()
                .filter(node -> node.path("path").asText().startsWith("/infra/segments/"))
                .count();
    }

    @Test
    void aGrowingLogIsFoldedIntoTheSnapshotAndEveryWriteIsThereWithoutAClose() throws Exception {
        PolicyStore store = open();
        long seedSnapshot = Files.size(dir.resolve("store.json"));
        for (int i = 0; i < 1500; i++) {
            putSegment(store, "s" + i, "x".repeat(300));
        }

        assertThat(Files.size(dir.resolve("store.json")))
                .as("compacted while writing")
                .isGreaterThan(seedSnapshot * 4);
        assertThat(Files.size(dir.resolve("store.log"))).isLessThan(Files.size(dir.resolve("store.json")));
        // what a process killed now would leave: the snapshot with the log
        assertThat(segments(new StoreFile(dir).load().orElseThrow())).isEqualTo(1500);

        store.close();
        assertThat(Files.size(dir.resolve("store.log")))
                .as("folded in on close")
                .isZero();
        try (PolicyStore reopened = open()) {
            assertThat(reopened.<List<String>>read(tree -> tree.members("/infra/segments")))
                    .hasSize(1500);
        }
    }

    @Test
    void concurrentWritersAllLand() throws Exception {
        try (PolicyStore store = open()) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int writer = t;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        putSegment(store, "w" + writer + "-" + i, "v");
                    }
                });
                thread.start();
                writers.add(thread);
            }
            for (Thread thread : writers) {
                thread.join();
            }
            assertThat(segments(new StoreFile(dir).load().orElseThrow())).isEqualTo(400);
        }
        try (PolicyStore reopened = open()) {
            assertThat(reopened.<List<String>>read(tree -> tree.members("/infra/segments")))
                    .hasSize(400);
        }
    }

    @Test
    void aFailedWriteLeavesNothingInTheLog() throws Exception {
        try (PolicyStore store = open()) {
            putSegment(store, "kept", "v");
            long logged = Files.size(dir.resolve("store.log"));
            try {
                store.write(tx -> {
                    tx.put("/infra/segments/lost", Json.object().put("path", "/infra/segments/lost"), List.of());
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException expected) {
                // the transaction is rolled back
            }
            assertThat(Files.size(dir.resolve("store.log"))).isEqualTo(logged);
        }
    }
}
