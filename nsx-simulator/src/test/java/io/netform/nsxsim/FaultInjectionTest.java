package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Faults set through the admin endpoint take effect on the next requests. */
class FaultInjectionTest extends SimulatorTestBase {

    private static final String ADMIN = "/sim/admin/faults";

    @Test
    void adminEndpointShowsAndChangesTheSettings() {
        NsxTestClient.Reply initial = nsx.send("GET", ADMIN, null);
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.json().path("rate_503").asDouble()).isZero();
        NsxTestClient.Reply changed = nsx.send("PUT", ADMIN, "{\"latency_min_ms\":1,\"latency_max_ms\":3}");
        assertThat(changed.json().path("latency_max_ms").asLong()).isEqualTo(3);
        assertThat(nsx.send("PUT", ADMIN, "{\"rate_503\":2}").status()).isEqualTo(400);
        assertThat(nsx.send("PUT", ADMIN, "{\"nonsense\":1}").status()).isEqualTo(400);
        NsxTestClient stranger = new NsxTestClient(simulator.baseUrl(), simulator.certificatePem(), "x", "y");
        assertThat(stranger.send("PUT", ADMIN, "{\"rate_503\":1}").status()).isEqualTo(403);
    }

    @Test
    void everyRequestFailsWithTheConfiguredStatus() {
        nsx.send("PUT", ADMIN, "{\"rate_503\":1}");
        NsxTestClient.Reply reply = nsx.get("/infra/tier-0s/T0");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("httpStatus").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        nsx.send("PUT", ADMIN, "{\"rate_503\":0,\"rate_429\":1}");
        assertThat(nsx.get("/infra/tier-0s/T0").status()).isEqualTo(429);
        nsx.send("PUT", ADMIN, "{\"rate_429\":0,\"rate_500\":1}");
        assertThat(nsx.get("/infra/tier-0s/T0").status()).isEqualTo(500);
        nsx.send("PUT", ADMIN, "{\"rate_500\":0}");
        assertThat(nsx.get("/infra/tier-0s/T0").status()).isEqualTo(200);
    }

    @Test
    void requestsMatchingThePathPatternFail() {
        nsx.send("PUT", ADMIN, "{\"fail_path_pattern\":\"/segments/\",\"fail_status\":504}");
        assertThat(nsx.patch("/infra/segments/web", "{}").status()).isEqualTo(504);
        assertThat(nsx.get("/infra/segments/web").status()).isEqualTo(504);
        assertThat(nsx.patch("/infra/tier-1s/t1", "{}").status()).isEqualTo(204);
    }

    @Test
    void droppedConnectionsGetNoAnswer() {
        nsx.send("PUT", ADMIN, "{\"drop_rate\":1}");
        assertThatThrownBy(() -> nsx.get("/infra/tier-0s/T0")).isInstanceOf(UncheckedIOException.class);
        nsx.send("PUT", ADMIN, "{\"drop_rate\":0}");
        assertThat(nsx.get("/infra/tier-0s/T0").status()).isEqualTo(200);
    }

    @Test
    void commandLineFlagsBecomeFaultSettings() {
        SimulatorConfig parsed = NsxSimulatorMain.parse(new String[] {
            "--port",
            "8443",
            "--data",
            "/tmp/x",
            "--user",
            "u",
            "--password",
            "p",
            "--latency-ms",
            "7",
            "--fault-rate",
            "0.3"
        });
        assertThat(parsed.port()).isEqualTo(8443);
        assertThat(parsed.rateLimit()).isEqualTo(100);
        assertThat(parsed.concurrencyLimit()).isEqualTo(40);
        assertThat(NsxSimulatorMain.parse(new String[] {"--port", "0", "--data", "d", "--rate-limit", "0"})
                        .rateLimit())
                .isZero();
        assertThat(parsed.user()).isEqualTo("u");
        assertThat(parsed.faults().latencyMinMs()).isEqualTo(7);
        assertThat(parsed.faults().latencyMaxMs()).isEqualTo(7);
        assertThat(parsed.faults().rate429()
                        + parsed.faults().rate503()
                        + parsed.faults().rate500())
                .isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThatThrownBy(() -> NsxSimulatorMain.parse(new String[] {"--port", "1"}))
                .hasMessageContaining("--data");
        assertThatThrownBy(
                        () -> NsxSimulatorMain.parse(new String[] {"--port", "1", "--data", "d", "--fault-rate", "2"}))
                .hasMessageContaining("fraction");
    }
}
