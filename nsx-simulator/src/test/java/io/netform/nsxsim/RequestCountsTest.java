package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server counts every Policy API request it receives, by method and path, faulted ones too. */
class RequestCountsTest extends SimulatorTestBase {

    @Test
    void countsEachRequestByMethodPathAndIntentPath() {
        nsx.patch("/infra/segments/web", "{}");
        nsx.get("/infra/segments/web");
        nsx.get("/infra/segments/web");
        nsx.send("GET", "/policy/api/v1/infra/realized-state/realized-entities?intent_path=/infra/segments/web", null);
        simulator.faults().update(new io.netform.nsxsim.server.FaultSettings(0, 0, 1, 0, 0, 0, null, 500));
        assertThat(nsx.get("/infra/segments/web").status()).isEqualTo(429);

        assertThat(simulator.requests().byRequest())
                .containsEntry("PATCH /policy/api/v1/infra/segments/web", 1L)
                .containsEntry("GET /policy/api/v1/infra/segments/web", 3L)
                .containsEntry(
                        "GET /policy/api/v1/infra/realized-state/realized-entities"
                                + " intent_path=/infra/segments/web",
                        1L);
        assertThat(simulator.requests().total()).isEqualTo(5);
        simulator.requests().reset();
        assertThat(simulator.requests().total()).isZero();
    }
}
