package io.netform.kubernetes.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.netform.kubernetes.KubeApi;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kubernetes_namespace_v1 against a real HTTP API: metadata, drift, import and the deletion wait. */
class NamespaceTest {

    private static final String TYPE = "kubernetes_namespace_v1";

    private final KubeApi api = KubeApi.start();
    private final ProviderHarness harness = api.harness();

    @AfterEach
    void stop() {
        api.close();
    }

    private Value config(Map<String, ?> metadata, Map<String, ?> extra) {
        Map<String, Object> given = new java.util.HashMap<>(extra);
        given.put("metadata", List.of(metadata));
        return Configs.of(
                new io.netform.kubernetes.KubernetesProvider(
                                Map.of(), java.nio.file.Path.of("/"), java.time.Duration.ZERO)
                        .resources()
                        .get(TYPE)
                        .schema()
                        .block(),
                given);
    }

    private static Value metadata(Value state) {
        return state.getAttr("metadata").elements().get(0);
    }

    @Test
    void createsTheNamespaceWithItsLabelsAndReadsItBackUnchanged() {
        Value state = harness.create(
                TYPE,
                config(
                        Map.of(
                                "name",
                                "team-a",
                                "labels",
                                Value.map(io.netform.value.Type.STRING, Map.of("team", Value.string("a")))),
                        Map.of()));

        Namespace created = api.client().namespaces().withName("team-a").get();
        assertThat(created.getMetadata().getLabels()).containsEntry("team", "a");
        assertThat(state.getAttr("id").asString()).isEqualTo("team-a");
        assertThat(metadata(state).getAttr("uid").asString())
                .isEqualTo(created.getMetadata().getUid());
        assertThat(metadata(state).getAttr("resource_version").asString())
                .isEqualTo(created.getMetadata().getResourceVersion());
        assertThat(harness.read(TYPE, state).state()).isEqualTo(state);
    }

    @Test
    void aLabelChangedThroughTheApiIsDriftAndTheNextApplyPutsItBack() {
        Value config = config(
                Map.of(
                        "name",
                        "team-a",
                        "labels",
                        Value.map(io.netform.value.Type.STRING, Map.of("team", Value.string("a")))),
                Map.of());
        Value state = harness.create(TYPE, config);
        api.client()
                .namespaces()
                .withName("team-a")
                .edit(ns -> new NamespaceBuilder(ns)
                        .editMetadata()
                        .addToLabels("team", "b")
                        .addToLabels("kubernetes.io/metadata.name", "team-a")
                        .endMetadata()
                        .build());

        Value refreshed = harness.read(TYPE, state).state();
        assertThat(metadata(refreshed).getAttr("labels").asMap())
                .as("the label Kubernetes sets itself is not drift")
                .containsOnly(Map.entry("team", Value.string("b")));
        ProviderHarness.Planned plan = harness.plan(TYPE, refreshed, config);
        assertThat(plan.requiresReplace()).isEmpty();
        assertThat(metadata(plan.state()).getAttr("resource_version").isKnown()).isFalse();
        Value updated = harness.apply(TYPE, refreshed, plan.state(), config).state();

        assertThat(api.client()
                        .namespaces()
                        .withName("team-a")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsEntry("team", "a")
                .containsEntry("kubernetes.io/metadata.name", "team-a");
        assertThat(harness.read(TYPE, updated).state()).isEqualTo(updated);
    }

    @Test
    void importsByNameAndPlansNoChange() {
        api.client()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("legacy")
                        .addToLabels("env", "dev")
                        .endMetadata()
                        .build())
                .create();

        ProviderHarness.Result imported = harness.importState(TYPE, "legacy");
        assertThat(imported.diagnostics()).isEmpty();
        Value state = harness.read(TYPE, imported.state()).state();

        Value config = config(
                Map.of(
                        "name",
                        "legacy",
                        "labels",
                        Value.map(io.netform.value.Type.STRING, Map.of("env", Value.string("dev")))),
                Map.of());
        // (the harness proposes prior values for top-level computed attributes only, so compare what the user set)
        ProviderHarness.Planned plan = harness.plan(TYPE, state, config);
        assertThat(plan.requiresReplace()).isEmpty();
        assertThat(metadata(plan.state()).getAttr("labels"))
                .isEqualTo(metadata(state).getAttr("labels"));
        assertThat(plan.state().getAttr("wait_for_default_service_account"))
                .isEqualTo(state.getAttr("wait_for_default_service_account"));
        assertThat(harness.importState(TYPE, "a/b").diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("imported by \"name\""));
    }

    @Test
    void deleteWaitsUntilTheNamespaceHasFinishedTerminating() throws Exception {
        Value state = harness.create(TYPE, config(Map.of("name", "team-a"), Map.of()));
        api.client()
                .namespaces()
                .withName("team-a")
                .edit(ns -> new NamespaceBuilder(ns)
                        .editMetadata()
                        .addToFinalizers("example.com/hold")
                        .endMetadata()
                        .build());
        // What a controller does: finish its cleanup once the namespace is marked for deletion.
        CompletableFuture<Void> controller = CompletableFuture.runAsync(() -> {
            api.client()
                    .namespaces()
                    .withName("team-a")
                    .waitUntilCondition(
                            ns -> ns != null && ns.getMetadata().getDeletionTimestamp() != null, 30, TimeUnit.SECONDS);
            api.client()
                    .namespaces()
                    .withName("team-a")
                    .edit(ns -> new NamespaceBuilder(ns)
                            .editMetadata()
                            .withFinalizers()
                            .endMetadata()
                            .build());
        });

        ProviderHarness.Result deleted =
                harness.apply(TYPE, state, Value.nullOf(state.type()), Value.nullOf(state.type()));

        assertThat(deleted.diagnostics()).isEmpty();
        // The namespace is gone the moment the delete returns; the controller's own edit call may still be
        // on its way back to it, so only then wait for the controller to finish.
        assertThat(api.client().namespaces().withName("team-a").get())
                .as("the delete returned only after the finalizer was removed and the namespace was gone")
                .isNull();
        controller.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aNamespaceStillTerminatingAfterTheDeleteTimeoutIsAnError() {
        Value state =
                harness.create(TYPE, config(Map.of("name", "team-a"), Map.of("timeouts", Map.of("delete", "200ms"))));
        api.client()
                .namespaces()
                .withName("team-a")
                .edit(ns -> new NamespaceBuilder(ns)
                        .editMetadata()
                        .addToFinalizers("example.com/hold")
                        .endMetadata()
                        .build());

        ProviderHarness.Result deleted =
                harness.apply(TYPE, state, Value.nullOf(state.type()), Value.nullOf(state.type()));

        assertThat(deleted.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("Timed out waiting for the namespace to be deleted");
            assertThat(d.getDetail()).contains("team-a", "still Terminating", "example.com/hold");
        });
    }

    @Test
    void waitsForTheDefaultServiceAccountWhenAsked() throws Exception {
        api.client()
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName("default")
                        .withNamespace("team-a")
                        .endMetadata()
                        .build())
                .create();
        api.requests();

        harness.create(TYPE, config(Map.of("name", "team-a"), Map.of("wait_for_default_service_account", true)));

        assertThat(api.requests()).contains("GET /api/v1/namespaces/team-a/serviceaccounts/default");
    }

    @Test
    void nameAndGenerateNameTogetherAreRejected() {
        assertThat(harness.validate(TYPE, config(Map.of("name", "a", "generate_name", "b-"), Map.of())))
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("name and generate_name cannot both be set"));
    }
}
