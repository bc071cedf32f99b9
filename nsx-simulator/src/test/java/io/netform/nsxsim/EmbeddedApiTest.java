package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxsim.policy.ApiRequest;
import io.netform.nsxsim.policy.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process API the provider's embedded mode uses: no HTTP, the store in a directory. */
class EmbeddedApiTest {

    @TempDir
    Path data;

    @Test
    void handlesCallsInProcessAndKeepsTheStoreAcrossInstances() {
        SimulatorConfig config = SimulatorConfig.defaults().withDataDirectory(data);
        try (NsxSimulator simulator = NsxSimulator.create(config)) {
            ApiResponse created = simulator.handle(call("PATCH", "/infra/tier-1s/t1", "{\"display_name\":\"gw\"}"));
            assertThat(created.status()).isEqualTo(204);
            ApiResponse missing = simulator.handle(call("GET", "/infra/tier-1s/none", ""));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.bodyJson().path("error_code").asInt()).isEqualTo(600);
        }
        try (NsxSimulator reopened = NsxSimulator.create(config)) {
            ApiResponse read = reopened.handle(call("GET", "/infra/tier-1s/t1", ""));
            assertThat(read.bodyJson().path("display_name").asText()).isEqualTo("gw");
            assertThat(read.bodyJson().path("_create_user").asText()).isEqualTo("embedded");
        }
    }

    @Test
    void aLeftoverTemporaryFileFromACrashIsIgnored() throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults().withDataDirectory(data);
        try (NsxSimulator simulator = NsxSimulator.create(config)) {
            simulator.handle(call("PATCH", "/infra/ip-blocks/b", "{\"cidr\":\"10.0.0.0/8\"}"));
        }
        Files.writeString(data.resolve("store.json.tmp"), "{\"format\":1,\"objects\":[{\"path\":");
        try (NsxSimulator reopened = NsxSimulator.create(config)) {
            assertThat(reopened.handle(call("GET", "/infra/ip-blocks/b", "")).status())
                    .isEqualTo(200);
            reopened.handle(call("PATCH", "/infra/ip-blocks/c", "{\"cidr\":\"11.0.0.0/8\"}"));
        }
        try (NsxSimulator again = NsxSimulator.create(config)) {
            assertThat(again.handle(call("GET", "/infra/ip-blocks/c", "")).status())
                    .isEqualTo(200);
        }
    }

    private static ApiRequest call(String method, String policyPath, String body) {
        return new ApiRequest(
                method, "/policy/api/v1" + policyPath, Map.of(), body.getBytes(StandardCharsets.UTF_8), "embedded");
    }
}
