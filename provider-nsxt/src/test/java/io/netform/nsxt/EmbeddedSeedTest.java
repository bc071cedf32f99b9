package io.netform.nsxt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.seed.PolicySeed;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seed} in the provider block: an export loaded into a new embedded simulator store, and only there. */
class EmbeddedSeedTest {

    private static final String GROUP = "/infra/domains/default/groups/prod-db";

    @TempDir
    Path dir;

    private static ObjectNode group(String address) {
        ObjectNode group = Json.object()
                .put("path", GROUP)
                .put("id", "prod-db")
                .put("display_name", "prod-db")
                .put("resource_type", "Group")
                .put("_revision", 4)
                .put("unique_id", "0f1e2d3c-aaaa-bbbb-cccc-000000000001");
        group.putArray("expression")
                .addObject()
                .put("resource_type", "IPAddressExpression")
                .putArray("ip_addresses")
                .add(address);
        return group;
    }

    private void writeSeed(String file, String address) {
        new PolicySeed("https://nsx-prod", "2026-12-07T00:00:00Z", List.of(group(address)), List.of())
                .write(dir.resolve(file));
    }

    private List<String> configure(NsxtProvider provider, Map<String, ?> settings, ProviderHarness[] opened) {
        opened[0] = ProviderHarness.inProcess(provider);
        return opened[0].configure(Configs.of(provider.schema().block(), settings)).stream()
                .map(d -> d.getSummary() + ": " + d.getDetail())
                .toList();
    }

    @Test
    void aNewStoreStartsWithTheSeedsObjectsAsExported() {
        writeSeed("prod.json", "10.20.1.200");
        NsxtProvider provider = new NsxtProvider(Map.of(), dir, Duration.ofSeconds(1));
        ProviderHarness[] harness = new ProviderHarness[1];
        assertThat(configure(provider, Map.of("host", "embedded", "seed", "prod.json"), harness))
                .isEmpty();
        try {
            ObjectNode loaded = provider.client().get(GROUP).orElseThrow();
            assertThat(loaded.path("_revision").asLong()).isEqualTo(4);
            assertThat(loaded.path("expression")
                            .path(0)
                            .path("ip_addresses")
                            .path(0)
                            .asText())
                    .isEqualTo("10.20.1.200");
        } finally {
            harness[0].close();
        }

        // the same seed again: the store is reopened as it is
        NsxtProvider again = new NsxtProvider(Map.of(), dir, Duration.ofSeconds(1));
        assertThat(configure(again, Map.of("host", "embedded", "seed", "prod.json"), harness))
                .isEmpty();
        harness[0].close();

        // another export: refused, as a seed is loaded only into a new store
        writeSeed("prod.json", "10.20.1.201");
        NsxtProvider changed = new NsxtProvider(Map.of(), dir, Duration.ofSeconds(1));
        assertThat(configure(changed, Map.of("host", "embedded", "seed", "prod.json"), harness))
                .singleElement()
                .asString()
                .startsWith("Embedded NSX simulator not started from this seed: ")
                .contains("Delete " + dir.resolve(".netform/nsx-sim"));
        harness[0].close();
    }

    @Test
    void aSeedForARealManagerOrOneThatIsNoExportIsAnError() throws Exception {
        ProviderHarness[] harness = new ProviderHarness[1];
        NsxtProvider real = new NsxtProvider(Map.of(), dir, Duration.ofSeconds(1));
        assertThat(configure(
                        real,
                        Map.of("host", "nsx.example.com", "username", "u", "password", "p", "seed", "prod.json"),
                        harness))
                .singleElement()
                .asString()
                .startsWith("Seed without the embedded simulator: ");
        harness[0].close();

        java.nio.file.Files.writeString(dir.resolve("not-a-seed.json"), "{\"objects\":[]}");
        NsxtProvider embedded = new NsxtProvider(Map.of(), dir, Duration.ofSeconds(1));
        assertThat(configure(embedded, Map.of("host", "embedded", "seed", "not-a-seed.json"), harness))
                .singleElement()
                .asString()
                .startsWith("Invalid NSX seed: ")
                .contains("is not an NSX seed written by nsx-sim export");
        harness[0].close();
        // the store the failed seed would have filled is not left behind half made
        assertThat(dir.resolve(".netform/nsx-sim")).doesNotExist();
    }
}
