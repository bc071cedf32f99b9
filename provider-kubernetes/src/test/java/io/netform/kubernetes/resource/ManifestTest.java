package io.netform.kubernetes.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.netform.kubernetes.KubernetesProvider;
import io.netform.kubernetes.schema.PlainValues;
import io.netform.kubesim.KubeSimulator;
import io.netform.kubesim.KubeSimulatorConfig;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kubernetes_manifest against kube-sim's API server, which answers server-side apply as Kubernetes does. */
class ManifestTest {

    private static final String TYPE = "kubernetes_manifest";

    private final KubeSimulator sim = KubeSimulator.start(KubeSimulatorConfig.defaults());
    private final KubernetesClient client = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(Config.empty())
                    .withMasterUrl(sim.url().toString())
                    .withOauthToken(KubeSimulatorConfig.DEFAULT_ADMIN_TOKEN)
                    .withTrustCerts(true)
                    .build())
            .build();
    private final ProviderHarness harness =
            ProviderHarness.inProcess(new KubernetesProvider(Map.of(), Path.of("/nonexistent"), Duration.ofMillis(10)));

    ManifestTest() {
        Value providerConfig = Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .schema()
                        .block(),
                Map.of(
                        "host",
                        sim.url().toString(),
                        "token",
                        KubeSimulatorConfig.DEFAULT_ADMIN_TOKEN,
                        "insecure",
                        true));
        assertThat(harness.configure(providerConfig)).isEmpty();
    }

    @AfterEach
    void stop() {
        harness.close();
        client.close();
        sim.close();
    }

    private static Value config(Map<String, Object> data, Map<String, ?> more) {
        Map<String, Object> given = new HashMap<>(more);
        given.put(
                "manifest",
                PlainValues.fromAnyPlain(Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ConfigMap",
                        "metadata",
                        Map.of("name", "settings", "namespace", "default"),
                        "data",
                        data)));
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .resources()
                        .get(TYPE)
                        .schema()
                        .block(),
                given);
    }

    private ConfigMap stored() {
        return client.configMaps().inNamespace("default").withName("settings").get();
    }

    private Value update(Value prior, Value config) {
        ProviderHarness.Planned plan = harness.plan(TYPE, prior, config);
        assertThat(plan.diagnostics()).isEmpty();
        ProviderHarness.Result applied = harness.apply(TYPE, prior, plan.state(), config);
        assertThat(applied.diagnostics()).isEmpty();
        return applied.state();
    }

    @Test
    void appliesServerSideUnderItsFieldManagerAndAnUpdateDropsARemovedField() {
        Value state = harness.create(TYPE, config(Map.of("mode", "fast", "level", "3"), Map.of()));

        assertThat(stored().getData()).containsOnly(Map.entry("mode", "fast"), Map.entry("level", "3"));
        assertThat(stored().getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager, ManagedFieldsEntry::getOperation)
                .contains(org.assertj.core.groups.Tuple.tuple("Terraform", "Apply"));
        assertThat(state.getAttr("object").getAttr("data").getAttr("mode")).isEqualTo(Value.string("fast"));
        assertThat(harness.read(TYPE, state).state()).isEqualTo(state);

        Value updated = update(state, config(Map.of("mode", "slow"), Map.of()));

        assertThat(stored().getData()).containsOnly(Map.entry("mode", "slow"));
        assertThat(harness.read(TYPE, updated).state()).isEqualTo(updated);

        updated = update(updated, config(Map.of("mode", "fast"), Map.of("field_manager", Map.of("name", "netform"))));
        assertThat(stored().getData()).containsOnly(Map.entry("mode", "fast"));
        assertThat(stored().getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager)
                .contains("netform");

        assertThat(harness.apply(TYPE, updated, Value.nullOf(updated.type()), Value.nullOf(updated.type()))
                        .diagnostics())
                .isEmpty();
        assertThat(stored()).isNull();
    }

    @Test
    void aManifestFieldEditedThroughTheApiIsDriftThatThePlanUndoes() {
        Value config = config(Map.of("mode", "fast"), Map.of());
        Value state = harness.create(TYPE, config);
        client.configMaps().inNamespace("default").withName("settings").edit(map -> {
            map.getData().put("mode", "edited");
            return map;
        });

        Value refreshed = harness.read(TYPE, state).state();
        assertThat(refreshed.getAttr("object").getAttr("data").getAttr("mode")).isEqualTo(Value.string("edited"));
        ProviderHarness.Planned plan = harness.plan(TYPE, refreshed, config);
        assertThat(plan.state()).isNotEqualTo(refreshed);
        assertThat(plan.state().getAttr("object").getAttr("data").getAttr("mode"))
                .isEqualTo(Value.string("fast"));

        Value undone = harness.apply(TYPE, refreshed, plan.state(), config).state();
        assertThat(stored().getData()).containsEntry("mode", "fast");
        assertThat(harness.plan(TYPE, harness.read(TYPE, undone).state(), config)
                        .state())
                .isEqualTo(undone);
    }

    @Test
    void waitFieldsHoldTheApplyUntilTheServerShowsTheValue() {
        Value config = config(Map.of("mode", "fast"), Map.of("wait", Map.of("fields", Map.of("data.ready", "^y"))));
        CompletableFuture<Value> created = CompletableFuture.supplyAsync(() -> harness.create(TYPE, config));
        ConfigMap present;
        while ((present = stored()) == null) {
            assertThat(created).isNotDone();
        }
        assertThat(created).isNotDone();
        client.configMaps().inNamespace("default").withName("settings").edit(map -> {
            map.getData().put("ready", "yes");
            return map;
        });

        Value state = created.join();
        assertThat(present.getData()).doesNotContainKey("ready");
        assertThat(state.getAttr("object").getAttr("data").getAttr("mode")).isEqualTo(Value.string("fast"));
    }

    @Test
    void aWaitConditionHoldsTheApplyUntilStatusConditionsHaveIt() {
        Value config = config(
                Map.of("mode", "fast"),
                Map.of("wait", Map.of("condition", List.of(Map.of("type", "Ready", "status", "True")))));
        CompletableFuture<Value> created = CompletableFuture.supplyAsync(() -> harness.create(TYPE, config));
        while (stored() == null) {
            assertThat(created).isNotDone();
        }
        client.genericKubernetesResources("v1", "ConfigMap")
                .inNamespace("default")
                .withName("settings")
                .edit(object -> {
                    object.setAdditionalProperty(
                            "status", Map.of("conditions", List.of(Map.of("type", "Ready", "status", "False"))));
                    return object;
                });
        assertThat(created).isNotDone();
        client.genericKubernetesResources("v1", "ConfigMap")
                .inNamespace("default")
                .withName("settings")
                .edit(object -> {
                    object.setAdditionalProperty(
                            "status", Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True"))));
                    return object;
                });

        assertThat(created.join().getAttr("object").getAttr("data").getAttr("mode"))
                .isEqualTo(Value.string("fast"));
    }

    @Test
    void anUnmetWaitConditionFailsWhenTheTimeoutRunsOut() {
        Value config = config(
                Map.of("mode", "fast"),
                Map.of(
                        "wait",
                        Map.of("condition", List.of(Map.of("type", "Ready", "status", "True"))),
                        "timeouts",
                        Map.of("create", "50ms")));
        Value nothing = Value.nullOf(config.type());

        ProviderHarness.Result result =
                harness.apply(TYPE, nothing, harness.plan(TYPE, nothing, config).state(), config);

        assertThat(result.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Timed out waiting on the manifest"))
                .satisfies(
                        d -> assertThat(d.getDetail()).contains("default/settings", "type=\"Ready\" status=\"True\""));
    }

    @Test
    void importsByTheRealProvidersId() {
        client.configMaps()
                .inNamespace("default")
                .resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("settings")
                        .endMetadata()
                        .addToData("mode", "fast")
                        .build())
                .create();

        ProviderHarness.Result imported =
                harness.importState(TYPE, "apiVersion=v1,kind=ConfigMap,namespace=default,name=settings");
        assertThat(imported.diagnostics()).isEmpty();
        Value state = harness.read(TYPE, imported.state()).state();

        assertThat(state.getAttr("object").getAttr("data").getAttr("mode")).isEqualTo(Value.string("fast"));
        assertThat(harness.importState(TYPE, "default/settings").diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("apiVersion=v1,kind=ConfigMap"));
    }

    @Test
    void anotherNameReplacesTheObjectWhileAnotherFieldUpdatesIt() {
        Value config = config(Map.of("mode", "fast"), Map.of());
        Value state = harness.create(TYPE, config);
        Value renamed = config.withAttributes(Map.of(
                "manifest",
                PlainValues.fromAnyPlain(Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ConfigMap",
                        "metadata",
                        Map.of("name", "other", "namespace", "default"),
                        "data",
                        Map.of("mode", "fast")))));

        assertThat(harness.plan(TYPE, state, renamed).requiresReplace()).hasSize(1);
        assertThat(harness.plan(TYPE, state, config(Map.of("mode", "slow"), Map.of()))
                        .requiresReplace())
                .isEmpty();
    }

    @Test
    void waitRolloutIsRefusedRatherThanIgnored() {
        Value config = config(Map.of("mode", "fast"), Map.of("wait", Map.of("rollout", true)));

        assertThat(harness.validate(TYPE, config))
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("rollout = true", "not supported"));
    }
}
