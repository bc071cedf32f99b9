package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxsim.server.FaultSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-user request rate (429, error_code "102") and requests in flight (503). */
class RequestLimitsTest extends SimulatorTestBase {

    @Override
    SimulatorConfig configure(SimulatorConfig defaults) {
        return defaults.withLimits(5, 2);
    }

    @Test
    void aBurstAboveTheRateIsAnswered429WithCode102AsText() {
        // Until the first 429 rather than a fixed 30: on a loaded machine 30 requests may take more than the
        // second that would let the rate limit refuse one.
        List<NsxTestClient.Reply> replies = new ArrayList<>();
        do {
            replies.add(nsx.get("/infra/tier-0s/T0"));
        } while (replies.get(replies.size() - 1).status() != 429 && replies.size() < 1000);
        NsxTestClient.Reply limited =
                replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.json().get("error_code").isTextual()).isTrue();
        assertThat(limited.errorCode()).isEqualTo("102");
        assertThat(limited.json().path("error_message").asText())
                .isEqualTo("Client 'admin' exceeded request rate of 5 per second");
        assertThat(replies.get(0).status()).isEqualTo(200);
    }

    @Test
    void moreRequestsInFlightThanTheLimitAreAnswered503() throws Exception {
        simulator.faults().update(new FaultSettings(400, 400, 0, 0, 0, 0, null, 500));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // Four at once, again while none was refused: on a loaded machine the four may start too far apart
            // for three to be in flight together.
            List<Integer> statuses = new ArrayList<>();
            for (int round = 0; round < 20 && !statuses.contains(503); round++) {
                List<Future<NsxTestClient.Reply>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(pool.submit(() -> nsx.get("/infra/tier-0s/T0")));
                }
                for (Future<NsxTestClient.Reply> call : calls) {
                    statuses.add(call.get().status());
                }
            }
            assertThat(statuses).contains(503);
            assertThat(statuses).contains(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
