package io.netform.nsxsim.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.NsxSimulator;
import io.netform.nsxsim.SimulatorConfig;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.policy.ApiRequest;
import io.netform.nsxsim.policy.ApiResponse;
import io.netform.nsxsim.store.SeedObjects;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nsx-sim export} against a simulator serving HTTPS as the real manager, and the export loaded
 * into a fresh simulator: what a state refers to comes over with its subtree, what that refers to and
 * its parents, every object as the manager had it; only GET requests reach the manager.
 */
class PolicyExportTest {

    private static final String T1 = "/infra/tier-1s/prod-t1";
    private static final String POLICY = "/infra/domains/default/security-policies/prod-app";

    @TempDir
    Path dir;

    private NsxSimulator manager;

    @BeforeEach
    void productionObjects() {
        manager = NsxSimulator.start(SimulatorConfig.defaults().withRealizationDelay(Duration.ZERO));
        patch(T1, "{\"tier0_path\":\"/infra/tier-0s/T0\"}");
        patch(T1 + "/locale-services/default", "{\"edge_cluster_path\":\"" + SeedObjects.EDGE_CLUSTER + "\"}");
        patch(
                "/infra/segments/prod-app",
                "{\"connectivity_path\":\"" + T1 + "\",\"transport_zone_path\":\"" + SeedObjects.OVERLAY_TZ
                        + "\",\"subnets\":[{\"gateway_address\":\"10.20.1.1/24\"}]}");
        patch("/infra/segments/prod-app/ports/vm-1", "{\"tags\":[{\"scope\":\"app\",\"tag\":\"db\"}]}");
        patch(
                "/infra/domains/default/groups/db",
                "{\"expression\":[{\"resource_type\":\"IPAddressExpression\","
                        + "\"ip_addresses\":[\"10.20.1.200\"]}]}");
        // Someone else's group, which the state does not hold but a rule of the state's policy names.
        patch(
                "/infra/domains/default/groups/clients",
                "{\"expression\":[{\"resource_type\":"
                        + "\"IPAddressExpression\",\"ip_addresses\":[\"10.20.1.0/25\"]}]}");
        patch(
                POLICY,
                "{\"category\":\"Application\",\"rules\":[{\"id\":\"clients-to-db\",\"action\":\"ALLOW\","
                        + "\"source_groups\":[\"/infra/domains/default/groups/clients\"],\"destination_groups\":"
                        + "[\"/infra/domains/default/groups/db\"],\"services\":[\"/infra/services/MySQL\"]}]}");
        patch(POLICY, "{\"description\":\"changed twice\"}");
        manager.requests().reset();
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    @Test
    void theExportReadsOnlyAndAFreshSimulatorLoadsEveryObjectAsTheManagerHadIt() throws Exception {
        PolicySeed seed = export(state(T1, "/infra/segments/prod-app", "/infra/domains/default/groups/db", POLICY));

        assertThat(manager.requests().byRequest().keySet()).allMatch(request -> request.startsWith("GET "));
        assertThat(manager.requests().total()).isPositive();
        assertThat(seed.objects())
                .extracting(o -> o.path("path").asText())
                .contains(
                        T1,
                        T1 + "/locale-services/default",
                        "/infra/segments/prod-app",
                        "/infra/segments/prod-app/ports/vm-1",
                        POLICY,
                        "/infra/domains/default/groups/clients",
                        "/infra/services/MySQL",
                        SeedObjects.EDGE_CLUSTER,
                        "/infra/tier-0s/T0")
                .doesNotContain("/infra/sites/default");
        // the other provider's resource is not NSX's, so its path was not even looked at
        assertThat(seed.leftOut())
                .extracting(PolicySeed.LeftOut::what)
                .doesNotContain("/infra/domains/default/groups/other");

        try (NsxSimulator fresh = NsxSimulator.create(SimulatorConfig.defaults())) {
            fresh.load(PolicySeed.read(dir.resolve("seed.json")));
            for (String path : new String[] {
                T1,
                T1 + "/locale-services/default",
                "/infra/segments/prod-app/ports/vm-1",
                POLICY,
                "/infra/domains/default/groups/clients"
            }) {
                assertThat(get(fresh, path)).as(path).isEqualTo(get(manager, path));
            }
            assertThat(get(fresh, POLICY).path("_revision").asLong()).isEqualTo(1);
        }
    }

    @Test
    void whatTheSimulatorCannotHoldIsLeftOutAndListed() throws Exception {
        PolicySeed seed = export(state(POLICY, "/infra/dhcp-server-configs/dhcp", "/infra/tier-1s/gone"));
        assertThat(seed.leftOut())
                .extracting(PolicySeed.LeftOut::what, PolicySeed.LeftOut::reason)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                "/infra/dhcp-server-configs/dhcp", "the simulator does not model this kind of object"),
                        org.assertj.core.groups.Tuple.tuple("/infra/tier-1s/gone", "the manager has no such object"));
        assertThat(Files.readString(dir.resolve("seed.json"))).contains("\"left_out\"");
    }

    @Test
    void aSeedWhoseReferencesAreMissingIsRefusedAndChangesNothing() {
        PolicySeed broken = new PolicySeed(
                "https://nsx",
                "now",
                java.util.List.of(Json.object()
                        .put("path", "/infra/segments/orphan")
                        .put("resource_type", "Segment")
                        .put("id", "orphan")
                        .put("connectivity_path", "/infra/tier-1s/missing")),
                java.util.List.of());
        try (NsxSimulator fresh = NsxSimulator.create(SimulatorConfig.defaults())) {
            assertThatThrownBy(() -> fresh.load(broken))
                    .hasMessage("/infra/segments/orphan refers to /infra/tier-1s/missing, which is neither in the"
                            + " seed nor in the simulator");
            assertThat(fresh.handle(request("GET", "/infra/segments/orphan", ""))
                            .status())
                    .isEqualTo(404);
        }
    }

    private PolicySeed export(String state) throws Exception {
        Path stateFile = dir.resolve("terraform.tfstate");
        Files.writeString(stateFile, state);
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, manager.certificatePem());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PolicySeed seed = NsxExportMain.run(
                NsxExportMain.parse(new String[] {
                    "--manager", manager.baseUrl().toString(),
                    "--state", stateFile.toString(),
                    "--out", dir.resolve("seed.json").toString(),
                    "--ca-file", ca.toString()
                }),
                Map.of("NSXT_USERNAME", "admin", "NSXT_PASSWORD", SimulatorConfig.DEFAULT_PASSWORD),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("objects from");
        return seed;
    }

    /** A v4 state whose nsxt resources hold these paths (and a resource of another provider). */
    private static String state(String... paths) {
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < paths.length; i++) {
            resources
                    .append("{\"mode\":\"managed\",\"type\":\"nsxt_policy_x\",\"name\":\"r")
                    .append(i)
                    .append("\",\"provider\":\"provider[\\\"registry.terraform.io/vmware/nsxt\\\"]\",")
                    .append("\"instances\":[{\"attributes\":{\"path\":\"")
                    .append(paths[i])
                    .append("\"}}]},");
        }
        resources
                .append("{\"mode\":\"managed\",\"type\":\"testing_object\",\"name\":\"t\",\"provider\":")
                .append("\"provider[\\\"registry.terraform.io/netform/testing\\\"]\",\"instances\":[{\"attributes\":")
                .append("{\"path\":\"/infra/domains/default/groups/other\"}}]}");
        return "{\"version\":4,\"serial\":1,\"lineage\":\"l\",\"resources\":[" + resources + "]}";
    }

    private void patch(String path, String body) {
        ApiResponse response = manager.handle(request("PATCH", path, body));
        assertThat(response.status())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(204);
    }

    private static JsonNode get(NsxSimulator nsx, String path) throws Exception {
        return Json.MAPPER.readTree(nsx.handle(request("GET", path, "")).body());
    }

    private static ApiRequest request(String method, String path, String body) {
        return new ApiRequest(
                method, "/policy/api/v1" + path, Map.of(), body.getBytes(StandardCharsets.UTF_8), "admin");
    }
}
