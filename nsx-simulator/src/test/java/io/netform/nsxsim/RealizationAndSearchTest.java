package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.store.SeedObjects;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Realized state after a delay or in error, and the search API's Lucene subset. */
class RealizationAndSearchTest extends SimulatorTestBase {

    @Override
    SimulatorConfig configure(SimulatorConfig defaults) {
        return defaults.withRealizationDelay(Duration.ofMillis(300));
    }

    @Test
    void objectsTurnRealizedAfterTheDelay() {
        nsx.patch("/infra/tier-1s/t1", "{}");
        nsx.patch("/infra/segments/web", "{\"connectivity_path\":\"/infra/tier-1s/t1\"}");
        assertThat(state("/infra/tier-1s/t1")).isEqualTo("UNREALIZED");
        assertThat(nsx.get("/infra/segments/web/state").json().path("state").asText())
                .isEqualTo("IN_PROGRESS");
        Instant deadline = Instant.now().plusSeconds(10);
        while (!(state("/infra/tier-1s/t1").equals("REALIZED")
                        && state("/infra/segments/web").equals("REALIZED"))
                && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(state("/infra/tier-1s/t1")).isEqualTo("REALIZED");
        assertThat(nsx.get("/infra/segments/web/state").json().path("state").asText())
                .isEqualTo("SUCCESS");
        assertThat(nsx.get("/infra/realized-state/status?intent_path=/infra/tier-1s/t1")
                        .json()
                        .path("consolidated_status")
                        .path("consolidated_status")
                        .asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    void lbServiceOnAGatewayWithoutEdgeClusterIsInError() {
        nsx.patch("/infra/tier-1s/t1", "{}");
        nsx.patch("/infra/lb-services/lb", "{\"connectivity_path\":\"/infra/tier-1s/t1\"}");
        JsonNode entity = entity("/infra/lb-services/lb");
        assertThat(entity.path("state").asText()).isEqualTo("ERROR");
        assertThat(entity.path("alarms").get(0).path("message").asText()).contains("no edge cluster");
        nsx.patch(
                "/infra/tier-1s/t1/locale-services/default",
                "{\"edge_cluster_path\":\"" + SeedObjects.EDGE_CLUSTER + "\"}");
        assertThat(entity("/infra/lb-services/lb").path("state").asText()).isNotEqualTo("ERROR");
        assertThat(nsx.get("/infra/realized-state/realized-entities?intent_path=/infra/none")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void searchMatchesTheQueriesOfTheTerraformProvider() {
        nsx.patch(
                "/infra/tier-1s/gw-a",
                "{\"display_name\":\"gateway-a\",\"tags\":[{\"scope\":\"ncp/cluster\"," + "\"tag\":\"k8s-1\"}]}");
        nsx.patch("/infra/tier-1s/gw-b", "{\"display_name\":\"gateway-b\"}");
        assertThat(ids("resource_type:Tier0 AND display_name:T0* AND marked_for_delete:false AND path:\\/infra*"))
                .containsExactly("T0");
        assertThat(ids("resource_type:Tier1 AND display_name:gateway*")).containsExactly("gw-a", "gw-b");
        assertThat(ids("id:gw-b AND marked_for_delete:false")).containsExactly("gw-b");
        assertThat(ids("tags.scope:ncp\\/cluster AND tags.tag:k8s-1")).containsExactly("gw-a");
        assertThat(ids("resource_type:PolicyTransportZone AND is_default:true AND tz_type:OVERLAY_STANDARD"))
                .hasSize(1);
        assertThat(ids("resource_type:Service AND display_name:HTTPS")).containsExactly("HTTPS");
        assertThat(nsx.get("/search/query?query=" + encode("OR nonsense")).status())
                .isEqualTo(400);
    }

    @Test
    void searchResultsArePaged() {
        for (int i = 0; i < 5; i++) {
            nsx.patch("/infra/segments/s" + i, "{}");
        }
        JsonNode first = nsx.get("/search/query?page_size=2&query=" + encode("resource_type:Segment"))
                .json();
        assertThat(first.path("result_count").asInt()).isEqualTo(5);
        assertThat(first.path("results").size()).isEqualTo(2);
        assertThat(first.path("cursor").asText()).isEqualTo("2");
    }

    private String state(String path) {
        return entity(path).path("state").asText();
    }

    private JsonNode entity(String path) {
        return nsx.get("/infra/realized-state/realized-entities?intent_path=" + path)
                .json()
                .path("results")
                .get(0);
    }

    private java.util.List<String> ids(String query) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        nsx.get("/search/query?query=" + encode(query))
                .json()
                .path("results")
                .forEach(result -> ids.add(result.path("id").asText()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
