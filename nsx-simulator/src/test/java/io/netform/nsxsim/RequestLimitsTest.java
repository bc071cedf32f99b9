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
        List<NsxTestClient.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            replies.add(nsx.get("/infra/tier-0s/T0"));
        }
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
            List<Future<NsxTestClient.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> nsx.get("/infra/tier-0s/T0")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<NsxTestClient.Reply> call : calls) {
                statuses.add(call.get().status());
            }
            assertThat(statuses).contains(503);
            assertThat(statuses).contains(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
