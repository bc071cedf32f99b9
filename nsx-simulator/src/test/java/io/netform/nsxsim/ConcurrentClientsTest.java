package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients writing at once lose no write and keep revisions consistent. */
class ConcurrentClientsTest extends SimulatorTestBase {

    @Test
    void parallelWritersAreAllApplied() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 25; i++) {
                        ok += nsx.patch("/infra/segments/w" + writer + "-" + i, "{}")
                                                .status()
                                        == 204
                                ? 1
                                : 0;
                        ok += nsx.patch("/infra/segments/shared", "{\"description\":\"" + writer + "\"}")
                                                .status()
                                        == 204
                                ? 1
                                : 0;
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> writer : writers) {
                total += writer.get();
            }
            assertThat(total).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(nsx.get("/infra/segments").json().path("result_count").asInt())
                .isEqualTo(201);
        assertThat(nsx.get("/infra/segments/shared").json().path("_revision").asLong())
                .isEqualTo(199);
    }
}
