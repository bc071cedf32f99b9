package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.model.Json;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store survives a restart, in full and unchanged, and the certificate is written for clients. */
class PersistenceTest extends SimulatorTestBase {

    @Test
    void objectsSurviveARestartWithTheirRevisionAndIdentity() throws Exception {
        assertThat(nsx.patch("/infra/tier-1s/t1", "{\"display_name\":\"gw\"}").status())
                .isEqualTo(204);
        nsx.patch("/infra/tier-1s/t1", "{\"description\":\"v2\"}");
        nsx.patch("/infra/segments/web", "{\"connectivity_path\":\"/infra/tier-1s/t1\"}");
        JsonNode before = nsx.get("/infra/tier-1s/t1").json();

        restart();

        JsonNode after = nsx.get("/infra/tier-1s/t1").json();
        assertThat(after).isEqualTo(before);
        assertThat(after.path("_revision").asLong()).isEqualTo(1);
        assertThat(nsx.delete("/infra/tier-1s/t1").errorCode())
                .as("references are rebuilt on load")
                .isEqualTo("500030");
        JsonNode file = Json.MAPPER.readTree(data.resolve("store.json").toFile());
        assertThat(file.path("objects").findValuesAsText("path")).contains("/infra/tier-1s/t1", "/infra/segments/web");
        try (var files = Files.list(data)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary file is left")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void deletesSurviveARestartAndTheCertificateIsReused() throws Exception {
        nsx.patch("/infra/ip-blocks/b", "{\"cidr\":\"10.0.0.0/8\"}");
        nsx.delete("/infra/ip-blocks/b");
        String certificate = Files.readString(data.resolve("server.crt"));
        assertThat(certificate).startsWith("-----BEGIN CERTIFICATE-----");

        restart();

        assertThat(nsx.get("/infra/ip-blocks/b").status()).isEqualTo(404);
        assertThat(nsx.get("/infra/tier-0s/T0").status()).isEqualTo(200);
        assertThat(Files.readString(data.resolve("server.crt"))).isEqualTo(certificate);
    }

    @Test
    void groupCommitWritesEverythingByClose() {
        simulator.close();
        config = config.withFlushDelay(Duration.ofSeconds(30));
        simulator = NsxSimulator.start(config);
        nsx = NsxTestClient.of(simulator, config);
        for (int i = 0; i < 20; i++) {
            assertThat(nsx.patch("/infra/segments/s" + i, "{}").status()).isEqualTo(204);
        }

        restart();

        assertThat(nsx.get("/infra/segments").json().path("result_count").asInt())
                .isEqualTo(20);
    }
}
