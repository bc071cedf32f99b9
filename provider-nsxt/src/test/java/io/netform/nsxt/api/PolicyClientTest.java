package io.netform.nsxt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.certificate.TlsTrust;
import io.netform.nsxsim.NsxSimulator;
import io.netform.nsxsim.SimulatorConfig;
import io.netform.nsxsim.server.FaultSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the standalone simulator over HTTPS: trust, authentication, retries, paging, errors. */
class PolicyClientTest {

    @TempDir
    Path directory;

    private NsxSimulator simulator;
    private PolicyClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private PolicyClient connect(
            SimulatorConfig config, String user, String password, boolean session, RetryPolicy retries) {
        return connect(config, user, password, session, retries, Throttle.NSX_DEFAULTS);
    }

    private PolicyClient connect(
            SimulatorConfig config,
            String user,
            String password,
            boolean session,
            RetryPolicy retries,
            Throttle throttle) {
        simulator = NsxSimulator.start(config.withDataDirectory(directory.resolve("nsx")));
        String ca = simulator.certificateFile().toString();
        client = new PolicyClient(
                new HttpTransport(simulator.baseUrl(), TlsTrust.context(false, ca, null), user, password, session),
                retries,
                throttle);
        return client;
    }

    private PolicyClient connect(boolean session) {
        return connect(
                SimulatorConfig.defaults(),
                SimulatorConfig.DEFAULT_USER,
                SimulatorConfig.DEFAULT_PASSWORD,
                session,
                RetryPolicy.defaults());
    }

    @Test
    void anObjectPatchedOverHttpsWithASessionIsReadBack() {
        PolicyClient nsx = connect(true);
        nsx.patch(
                "/infra/ip-blocks/pods",
                PolicyClient.object().put("cidr", "10.4.0.0/16").put("display_name", "pods"));

        ObjectNode block = nsx.get("/infra/ip-blocks/pods").orElseThrow();
        assertThat(block.path("cidr").asText()).isEqualTo("10.4.0.0/16");
        assertThat(block.path("path").asText()).isEqualTo("/infra/ip-blocks/pods");
        assertThat(nsx.get("/infra/ip-blocks/missing")).isEmpty();
        assertThat(nsx.delete("/infra/ip-blocks/missing", Map.of())).isFalse();
    }

    @Test
    void basicAuthenticationWorksWithoutASession() {
        PolicyClient nsx = connect(false);
        assertThat(nsx.get("/infra/tier-0s/T0")).isPresent();
    }

    @Test
    void wrongCredentialsAreRefusedWithNsxsMessageAndNotRetried() {
        for (boolean session : new boolean[] {true, false}) {
            PolicyClient nsx = connect(SimulatorConfig.defaults(), "admin", "wrong", session, RetryPolicy.defaults());
            assertThatThrownBy(() -> nsx.get("/infra/tier-0s/T0")).isInstanceOfSatisfying(NsxApiException.class, e -> {
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.detail()).contains("credentials were incorrect");
            });
            assertThat(nsx.requestCount()).isEqualTo(1);
            stop();
        }
    }

    @Test
    void aManagerWhoseCertificateIsNotTrustedIsRefusedAtOnce() {
        simulator = NsxSimulator.start(SimulatorConfig.defaults());
        client = new PolicyClient(
                new HttpTransport(
                        simulator.baseUrl(),
                        TlsTrust.context(false, null, null),
                        "admin",
                        SimulatorConfig.DEFAULT_PASSWORD,
                        true),
                RetryPolicy.defaults(),
                Throttle.NONE);

        assertThatThrownBy(() -> client.get("/infra/tier-0s/T0"))
                .isInstanceOfSatisfying(
                        NsxApiException.class,
                        e -> assertThat(e.detail()).contains("is not trusted").contains("ca_file"));
        assertThat(client.requestCount()).isEqualTo(1);
    }

    @Test
    void allowUnverifiedSslAcceptsTheSelfSignedCertificate() {
        simulator = NsxSimulator.start(SimulatorConfig.defaults());
        client = new PolicyClient(
                new HttpTransport(
                        simulator.baseUrl(),
                        TlsTrust.context(true, null, null),
                        "admin",
                        SimulatorConfig.DEFAULT_PASSWORD,
                        false),
                RetryPolicy.defaults(),
                Throttle.NONE);

        assertThat(client.get("/infra/tier-0s/T0")).isPresent();
    }

    @Test
    void aCaFileWithoutACertificateIsAClearError() throws Exception {
        Path notPem = Files.writeString(directory.resolve("ca.pem"), "not a certificate");
        assertThatThrownBy(() -> TlsTrust.context(false, notPem.toString(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notPem.toString());
    }

    @Test
    void throttledAndUnavailableAnswersAreRetriedUntilTheCallSucceeds() {
        PolicyClient nsx = connect(
                SimulatorConfig.defaults().withFaults(new FaultSettings(0, 0, 0.2, 0.2, 0, 0, null, 500)),
                SimulatorConfig.DEFAULT_USER,
                SimulatorConfig.DEFAULT_PASSWORD,
                true,
                new RetryPolicy(16, Duration.ZERO, Duration.ofMillis(20), Set.of(429, 503)));

        for (int i = 0; i < 20; i++) {
            nsx.patch("/infra/ip-blocks/b" + i, PolicyClient.object().put("cidr", "10." + i + ".0.0/16"));
        }

        assertThat(nsx.list("/infra/ip-blocks")).hasSize(20);
        assertThat(nsx.requestCount()).isGreaterThan(21);
    }

    @Test
    void aFailureOutsideTheRetryStatusesIsReportedWithNsxsErrorCode() {
        PolicyClient nsx = connect(true);
        nsx.patch("/infra/ip-blocks/a", PolicyClient.object().put("cidr", "10.0.0.0/16"));

        assertThatThrownBy(() -> nsx.patch(
                        "/infra/ip-blocks/b",
                        PolicyClient.object().put("cidr", "not-a-cidr").put("unknown_field", 1)))
                .isInstanceOfSatisfying(NsxApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("error code").contains("PATCH /infra/ip-blocks/b");
                });
    }

    @Test
    void listingFollowsTheCursorThroughEveryPage() {
        PolicyClient nsx = connect(
                SimulatorConfig.defaults().withLimits(0, 0).withFlushDelay(Duration.ofMinutes(1)),
                SimulatorConfig.DEFAULT_USER,
                SimulatorConfig.DEFAULT_PASSWORD,
                true,
                RetryPolicy.defaults(),
                Throttle.NONE);
        for (int i = 0; i < 1100; i++) {
            nsx.patch(
                    "/infra/domains/default/groups/g" + i, PolicyClient.object().put("display_name", "g" + i));
        }
        long before = nsx.requestCount();

        assertThat(nsx.list("/infra/domains/default/groups")).hasSize(1100);
        assertThat(nsx.requestCount() - before).isGreaterThan(1);
    }
}
