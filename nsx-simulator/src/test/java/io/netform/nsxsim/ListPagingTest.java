package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists return every object once across pages cut by cursor and page_size. */
class ListPagingTest extends SimulatorTestBase {

    @Test
    void pagesCoverTheCollectionExactlyOnce() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = String.format("seg-%02d", i);
            expected.add(id);
            assertThat(nsx.patch("/infra/segments/" + id, "{}").status()).isEqualTo(204);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = nsx.get("/infra/segments?page_size=10" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            assertThat(page.path("result_count").asInt()).isEqualTo(25);
            page.path("results").forEach(r -> seen.add(r.path("id").asText()));
            cursor = page.has("cursor") ? page.get("cursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void listOfAnEmptyCollectionAndOfAMissingParent() {
        JsonNode empty = nsx.get("/infra/tier-1s").json();
        assertThat(empty.path("result_count").asInt()).isZero();
        assertThat(empty.path("results").size()).isZero();
        assertThat(empty.has("cursor")).isFalse();
        assertThat(nsx.get("/infra/tier-1s/none/segments").status()).isEqualTo(404);
    }

    @Test
    void seededServicesAndProfilesAreListed() {
        JsonNode services = nsx.get("/infra/services").json();
        assertThat(services.path("results").findValuesAsText("id"))
                .contains("DNS", "DNS-UDP", "HTTP", "HTTPS", "SSH", "NTP", "ICMP-ALL");
        JsonNode https = nsx.get("/infra/services/HTTPS").json();
        assertThat(https.path("service_entries")
                        .get(0)
                        .path("destination_ports")
                        .get(0)
                        .asText())
                .isEqualTo("443");
        assertThat(https.path("_system_owned").asBoolean()).isTrue();
        assertThat(nsx.get("/infra/lb-app-profiles").json().path("result_count").asInt())
                .isEqualTo(3);
        assertThat(nsx.get("/infra/tier-0s/T0/locale-services/default").status())
                .isEqualTo(200);
        assertThat(nsx.get("/infra/sites/default/enforcement-points/default/transport-zones")
                        .json()
                        .path("results")
                        .findValuesAsText("tz_type"))
                .contains("OVERLAY_STANDARD");
    }
}
