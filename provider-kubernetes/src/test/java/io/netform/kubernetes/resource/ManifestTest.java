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

        updated = update(
                updated, config(Map.of("mode", "fast"), Map.of("field_manager", List.of(Map.of("name", "netform")))));
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
        Value config =
                config(Map.of("mode", "fast"), Map.of("wait", List.of(Map.of("fields", Map.of("data.ready", "^y")))));
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
                Map.of("wait", List.of(Map.of("condition", List.of(Map.of("type", "Ready", "status", "True"))))));
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
                        List.of(Map.of("condition", List.of(Map.of("type", "Ready", "status", "True")))),
                        "timeouts",
                        List.of(Map.of("create", "50ms"))));
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

    private static Value widget(String size) {
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .resources()
                        .get(TYPE)
                        .schema()
                        .block(),
                Map.of(
                        "manifest",
                        PlainValues.fromAnyPlain(Map.of(
                                "apiVersion",
                                "example.com/v1",
                                "kind",
                                "Widget",
                                "metadata",
                                Map.of("name", "small", "namespace", "default"),
                                "spec",
                                Map.of("size", size)))));
    }

    @Test
    void aCustomResourceIsPlannedOnlyOnceItsDefinitionExists() {
        Value config = widget("1");
        Value nothing = Value.nullOf(config.type());

        assertThat(harness.plan(TYPE, nothing, config).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary())
                        .isEqualTo("API did not recognize GroupVersionKind from manifest (CRD may not be installed)"))
                .satisfies(d ->
                        assertThat(d.getDetail()).isEqualTo("no matches for kind \"Widget\" in group \"example.com\""));

        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(io.netform.kubernetes.Crds.widgets())
                .create();
        Value state = harness.create(TYPE, config);

        var stored = client.genericKubernetesResources("example.com/v1", "Widget")
                .inNamespace("default")
                .withName("small")
                .get();
        assertThat(stored.getAdditionalProperties().get("spec")).isEqualTo(Map.of("size", "1"));
        client.genericKubernetesResources("example.com/v1", "Widget")
                .inNamespace("default")
                .withName("small")
                .edit(object -> {
                    object.setAdditionalProperty("spec", Map.of("size", "9"));
                    return object;
                });
        Value refreshed = harness.read(TYPE, state).state();
        assertThat(refreshed.getAttr("object").getAttr("spec").getAttr("size")).isEqualTo(Value.string("9"));

        Value updated = update(refreshed, widget("2"));
        assertThat(updated.getAttr("object").getAttr("spec").getAttr("size")).isEqualTo(Value.string("2"));
        assertThat(harness.apply(TYPE, updated, Value.nullOf(updated.type()), Value.nullOf(updated.type()))
                        .diagnostics())
                .isEmpty();
        assertThat(client.genericKubernetesResources("example.com/v1", "Widget")
                        .inNamespace("default")
                        .withName("small")
                        .get())
                .isNull();
    }

    private static Value deployment(Map<String, ?> more) {
        Map<String, Object> given = new HashMap<>(more);
        given.put(
                "manifest",
                PlainValues.fromAnyPlain(Map.of(
                        "apiVersion",
                        "apps/v1",
                        "kind",
                        "Deployment",
                        "metadata",
                        Map.of("name", "web", "namespace", "default"),
                        "spec",
                        Map.of(
                                "replicas",
                                2,
                                "selector",
                                Map.of("matchLabels", Map.of("app", "web")),
                                "template",
                                Map.of(
                                        "metadata",
                                        Map.of("labels", Map.of("app", "web")),
                                        "spec",
                                        Map.of("containers", List.of(Map.of("name", "web", "image", "nginx"))))))));
        return Configs.of(
                new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                        .resources()
                        .get(TYPE)
                        .schema()
                        .block(),
                given);
    }

    /** Sets the status as the deployment controller would, having observed the current generation. */
    private void deploymentStatus(Map<String, Object> status) {
        client.genericKubernetesResources("apps/v1", "Deployment")
                .inNamespace("default")
                .withName("web")
                .edit(object -> {
                    Map<String, Object> observed = new HashMap<>(status);
                    observed.put("observedGeneration", object.getMetadata().getGeneration());
                    object.setAdditionalProperty("status", observed);
                    return object;
                });
    }

    @Test
    void waitRolloutHoldsTheApplyUntilTheDeploymentHasRolledOut() {
        Value config = deployment(
                Map.of("wait", List.of(Map.of("rollout", true)), "timeouts", List.of(Map.of("create", "2m"))));
        CompletableFuture<Value> created = CompletableFuture.supplyAsync(() -> harness.create(TYPE, config));
        while (client.apps()
                        .deployments()
                        .inNamespace("default")
                        .withName("web")
                        .get()
                == null) {
            assertThat(created).isNotDone();
        }
        deploymentStatus(Map.of("replicas", 2, "updatedReplicas", 2, "availableReplicas", 1));
        assertThat(created).isNotDone();
        deploymentStatus(Map.of("replicas", 2, "updatedReplicas", 2, "availableReplicas", 2));

        assertThat(created.join().getAttr("object").getAttr("spec").getAttr("replicas"))
                .isEqualTo(Value.number(2));
    }

    @Test
    void anUnfinishedRolloutFailsWhenTheTimeoutRunsOutSayingWhatItWaitsFor() {
        Value config = deployment(
                Map.of("wait", List.of(Map.of("rollout", true)), "timeouts", List.of(Map.of("create", "50ms"))));
        Value nothing = Value.nullOf(config.type());

        ProviderHarness.Result result =
                harness.apply(TYPE, nothing, harness.plan(TYPE, nothing, config).state(), config);

        assertThat(result.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Timed out waiting on the manifest"))
                .satisfies(d -> assertThat(d.getDetail())
                        .contains("rollout to complete: Waiting for deployment spec update to be observed..."));
    }

    @Test
    void waitRolloutOnAKindWithoutARolloutIsRefusedWhenPlanned() {
        Value config = config(Map.of("mode", "fast"), Map.of("wait", List.of(Map.of("rollout", true))));

        assertThat(harness.plan(TYPE, Value.nullOf(config.type()), config).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Invalid wait configuration"))
                .satisfies(d -> assertThat(d.getDetail()).contains("a ConfigMap of v1 has no rollout"));
        assertThat(stored()).isNull();
    }

    @Test
    void onlyOneWayOfWaitingMayBeSet() {
        Value config = config(
                Map.of("mode", "fast"),
                Map.of("wait", List.of(Map.of("rollout", true, "fields", Map.of("data.ready", "^y")))));

        assertThat(harness.validate(TYPE, config))
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Invalid wait configuration"))
                .satisfies(
                        d -> assertThat(d.getDetail()).isEqualTo("You may only set one of \"rollout\", \"fields\"."));
    }

    @Test
    void stateOfSchemaVersionZeroGetsItsSingleBlocksAsListsOfOne() throws Exception {
        var resource = new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO)
                .resources()
                .get(TYPE);
        var stored = io.netform.json.ExactJson.MAPPER.readTree("""
                {"manifest": null, "object": null, "computed_fields": null,
                 "field_manager": {"name": "netform", "force_conflicts": false},
                 "wait": null,
                 "timeouts": {"create": "1m", "update": null, "delete": null}}
                """);

        Value upgraded = resource.upgradeState(0, stored);

        assertThat(resource.schema().version()).isEqualTo(1);
        assertThat(upgraded.getAttr("field_manager").elements())
                .singleElement()
                .satisfies(m -> assertThat(m.getAttr("name")).isEqualTo(Value.string("netform")));
        assertThat(upgraded.getAttr("wait").elements()).isEmpty();
        assertThat(upgraded.getAttr("timeouts").elements().get(0).getAttr("create"))
                .isEqualTo(Value.string("1m"));
    }
}
