package io.netform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.proto.tfplugin6.ValidateDataResourceConfig;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The names without {@code _v1} work, deprecated as in terraform-provider-kubernetes 3. */
class LegacyNamesTest {

    private final KubernetesProvider provider = new KubernetesProvider(Map.of(), Path.of("/"), Duration.ZERO);
    private final ProviderHarness harness = ProviderHarness.inProcess(provider);

    @AfterEach
    void stop() {
        harness.close();
    }

    private Value resourceConfig(String type) {
        return Configs.of(
                provider.resources().get(type).schema().block(), Map.of("metadata", List.of(Map.of("name", "team-a"))));
    }

    @Test
    void aLegacyResourceNameWarnsThatItIsDeprecatedAndNamesItsReplacement() {
        for (String legacy : List.of(
                "kubernetes_namespace", "kubernetes_network_policy", "kubernetes_config_map", "kubernetes_service")) {
            assertThat(harness.validate(legacy, resourceConfig(legacy)))
                    .as(legacy)
                    .filteredOn(d -> d.getSeverity() == Diagnostic.Severity.WARNING)
                    .singleElement()
                    .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Deprecated Resource"))
                    .satisfies(d -> assertThat(d.getDetail()).isEqualTo("Deprecated; use " + legacy + "_v1."));
        }
        assertThat(harness.validate("kubernetes_namespace_v1", resourceConfig("kubernetes_namespace_v1")))
                .noneMatch(d -> d.getSeverity() == Diagnostic.Severity.WARNING);
    }

    @Test
    void theLegacyNamespaceDataSourceWarnsToo() {
        Value config = Configs.of(
                provider.dataSources().get("kubernetes_namespace").schema().block(),
                Map.of("metadata", List.of(Map.of("name", "team-a"))));

        List<Diagnostic> found = harness.stub()
                .validateDataResourceConfig(ValidateDataResourceConfig.Request.newBuilder()
                        .setTypeName("kubernetes_namespace")
                        .setConfig(ProviderHarness.wire(config, harness.dataSourceType("kubernetes_namespace")))
                        .build())
                .getDiagnosticsList();

        assertThat(found)
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("Deprecated Resource"))
                .satisfies(d -> assertThat(d.getDetail()).isEqualTo("Deprecated; use kubernetes_namespace_v1."));
    }

    @Test
    void theSchemaMarksTheLegacyNamesDeprecated() {
        GetProviderSchema.Response schema =
                harness.stub().getProviderSchema(GetProviderSchema.Request.getDefaultInstance());

        assertThat(schema.getResourceSchemasOrThrow("kubernetes_service")
                        .getBlock()
                        .getDeprecated())
                .isTrue();
        assertThat(schema.getResourceSchemasOrThrow("kubernetes_service_v1")
                        .getBlock()
                        .getDeprecated())
                .isFalse();
        assertThat(schema.getDataSourceSchemasOrThrow("kubernetes_namespace")
                        .getBlock()
                        .getDeprecated())
                .isTrue();
    }
}
