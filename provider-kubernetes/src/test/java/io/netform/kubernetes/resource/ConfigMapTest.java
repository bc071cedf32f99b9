package io.netform.kubernetes.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.netform.kubernetes.KubeApi;
import io.netform.kubernetes.KubernetesProvider;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kubernetes_config_map_v1 (and its legacy name): data, binary_data and immutable, updated in place. */
class ConfigMapTest {

    private final KubeApi api = KubeApi.start();
    private final ProviderHarness harness = api.harness();

    @AfterEach
    void stop() {
        api.close();
    }

    private static Value config(String type, Map<String, ?> body) {
        Map<String, Object> given = new java.util.HashMap<>(body);
        given.put("metadata", List.of(Map.of("name", "settings", "namespace", "team-a")));
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .resources()
                        .get(type)
                        .schema()
                        .block(),
                given);
    }

    private ConfigMap stored() {
        return api.client()
                .configMaps()
                .inNamespace("team-a")
                .withName("settings")
                .get();
    }

    @Test
    void dataAndBinaryDataAreStoredAndAnUpdateRemovesADroppedKey() {
        String type = "kubernetes_config_map";
        Value state = harness.create(
                type,
                config(
                        type,
                        Map.of(
                                "data", Map.of("mode", "fast", "level", "3"),
                                "binary_data", Map.of("logo", "iVBORw0K"))));

        assertThat(stored().getData()).containsOnly(Map.entry("mode", "fast"), Map.entry("level", "3"));
        assertThat(stored().getBinaryData()).containsEntry("logo", "iVBORw0K");
        assertThat(harness.read(type, state).state()).isEqualTo(state);

        Value changed = config(type, Map.of("data", Map.of("mode", "slow"), "immutable", true));
        ProviderHarness.Planned plan = harness.plan(type, state, changed);
        assertThat(plan.requiresReplace()).isEmpty();
        Value updated = harness.apply(type, state, plan.state(), changed).state();

        assertThat(stored().getData()).containsOnly(Map.entry("mode", "slow"));
        assertThat(stored().getBinaryData()).isNullOrEmpty();
        assertThat(stored().getImmutable()).isTrue();
        assertThat(harness.read(type, updated).state()).isEqualTo(updated);
    }
}
