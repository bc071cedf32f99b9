package io.netform.plugins;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.netform.addrs.ProviderSource;
import io.netform.value.AttributePath;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.FunctionParameter;
import io.netform.wire.FunctionSignature;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.ProviderDiagnostic;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the fake provider, running as a real plugin process, through {@link ProviderLauncher} and {@link GrpcProvider}. */
class GrpcProviderTest {

    @TempDir
    static Path plugins;

    static final RecordingLogSink log = new RecordingLogSink();
    static final ProviderLauncher launcher = new ProviderLauncher(log, Path.of("."));
    static InstalledProvider installed;
    static GrpcProvider provider;

    @BeforeAll
    static void start() throws IOException {
        installed = FakeProviderPlugin.install(plugins, "netform/testing", "0.1.0");
        provider = launcher.start(installed);
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    static Type objectType() {
        return provider.schema().resources().get("testing_object").block().impliedType();
    }

    static Value object(Value id, String name, List<Long> ports, Map<String, String> tags) {
        Type portType =
                ((Type.ObjectType) objectType()).attributeTypes().get("port").elementType();
        return Value.object(Map.of(
                "id", id,
                "name", Value.string(name),
                "size", Value.number(3),
                "tags",
                        tags == null
                                ? Value.nullOf(Type.map(Type.STRING))
                                : Value.map(
                                        Type.STRING,
                                        tags.entrySet().stream()
                                                .collect(toMap(Map.Entry::getKey, e -> Value.string(e.getValue())))),
                "port",
                        Value.list(
                                portType,
                                ports.stream()
                                        .map(p -> Value.object(Map.of("number", Value.number(p))))
                                        .toList())));
    }

    @Test
    void convertsTheSchemaAndFetchesItOncePerProviderVersion() {
        ProviderSchema schema = provider.schema();
        Schema object = schema.resources().get("testing_object");
        assertThat(object.version()).isEqualTo(2);
        assertThat(object.block().attributes().get("id").isComputed()).isTrue();
        assertThat(object.block().attributes().get("tags").type()).isEqualTo(Type.map(Type.STRING));
        NestedBlock port = object.block().blockTypes().get("port");
        assertThat(port.nesting()).isEqualTo(Nesting.LIST);
        assertThat(port.maxItems()).isEqualTo(3);
        assertThat(schema.provider().block().attributes().get("token").isSensitive())
                .isTrue();
        assertThat(schema.dataSources()).containsKey("testing_lookup");

        GrpcProvider second = launcher.start(installed);
        try {
            // The schema names the process that served it: the second plugin was never asked.
            assertThat(second.schema()).isSameAs(schema);
            assertThat(second.validateResourceConfig(
                            "testing_object", object(Value.nullOf(Type.STRING), "a", List.of(), null)))
                    .isEmpty();
        } finally {
            second.close();
        }
        assertThatThrownBy(second::stop)
                .isInstanceOf(ProviderException.class)
                .hasMessage("The provider netform/testing v0.1.0 was already shut down when Netform called"
                        + " StopProvider. This is a bug in Netform.");
    }

    @Test
    void configureSendsTheNetformVersionAndUnmarkedValuesAndReturnsDiagnosticsWithPaths() {
        Value config = Value.object(Map.of(
                "endpoint", Value.nullOf(Type.STRING),
                "token", Value.string("s3cr3t").mark(Mark.SENSITIVE)));

        List<ProviderDiagnostic> diagnostics = provider.configure(config, "0.1.0-test");

        assertThat(diagnostics)
                .containsExactly(
                        new ProviderDiagnostic(false, "Configured by 0.1.0-test", "token has 6 characters", null),
                        new ProviderDiagnostic(
                                true,
                                "Missing endpoint",
                                "The fake provider needs an endpoint.",
                                AttributePath.of("endpoint")));
    }

    @Test
    void validationDiagnosticsKeepAttributeNamesMapKeysAndListIndexes() {
        Value config = object(Value.nullOf(Type.STRING), "web", List.of(80L, -5L), Map.of("bad", "x"));

        assertThat(provider.validateResourceConfig("testing_object", config))
                .extracting(ProviderDiagnostic::summary, ProviderDiagnostic::attribute)
                .containsExactly(
                        tuple("Bad tag", AttributePath.of("tags").key("bad")),
                        tuple("Negative port", AttributePath.of("port").index(1).attr("number")));
    }

    @Test
    void plansWithUnknownsAppliesReadsReplacesAndDeletes() {
        Type type = objectType();
        Value config = object(Value.nullOf(Type.STRING), "web", List.of(80L), null);

        ProviderClient.Response<ProviderClient.PlannedObject> plan =
                provider.planResourceChange("testing_object", Value.nullOf(type), config, config, null);
        assertThat(plan.diagnostics()).isEmpty();
        Value planned = plan.value().plannedState();
        assertThat(planned.getAttr("id").isKnown()).isFalse();
        assertThat(planned.getAttr("name")).isEqualTo(Value.string("web"));
        assertThat(new String(plan.value().plannedPrivate(), StandardCharsets.UTF_8))
                .isEqualTo("planned-private");

        ProviderClient.Response<ProviderClient.AppliedObject> created = provider.applyResourceChange(
                "testing_object",
                Value.nullOf(type),
                planned,
                config,
                plan.value().plannedPrivate());
        Value state = created.value().newState();
        assertThat(state.getAttr("id")).isEqualTo(Value.string("obj-web"));
        assertThat(state.getAttr("port").elements()).hasSize(1);

        ProviderClient.Response<ProviderClient.ReadResult> read =
                provider.readResource("testing_object", state, new byte[] {1});
        assertThat(read.value().newState()).isEqualTo(state);
        assertThat(read.value().privateData()).containsExactly(1);

        Value renamed = object(Value.nullOf(Type.STRING), "web2", List.of(80L), null);
        ProviderClient.PlannedObject replace = provider.planResourceChange(
                        "testing_object", state, renamed, renamed, null)
                .value();
        assertThat(replace.requiresReplace()).containsExactly(AttributePath.of("name"));
        assertThat(replace.plannedState().getAttr("id").isKnown()).isFalse();

        ProviderClient.Response<ProviderClient.AppliedObject> deleted =
                provider.applyResourceChange("testing_object", state, Value.nullOf(type), Value.nullOf(type), null);
        assertThat(deleted.value().newState().isNull()).isTrue();
        assertThat(provider.readResource("testing_object", state, null).value().newState())
                .as("an object that is gone reads as null")
                .isEqualTo(Value.nullOf(type));
    }

    @Test
    void importsReadsDataSourcesAnsweredInJsonAndUpgradesState() {
        ProviderClient.Response<List<ProviderClient.ImportedObject>> imported =
                provider.importResourceState("testing_object", "abc");
        assertThat(imported.value()).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo("testing_object");
            assertThat(o.state().getAttr("id")).isEqualTo(Value.string("abc"));
            assertThat(o.state().getAttr("name")).isEqualTo(Value.string("imported-abc"));
            assertThat(new String(o.privateData(), StandardCharsets.UTF_8)).isEqualTo("imported");
        });

        Value lookup = Value.object(Map.of("name", Value.string("x"), "value", Value.nullOf(Type.STRING)));
        assertThat(provider.readDataSource("testing_lookup", lookup).value().getAttr("value"))
                .isEqualTo(Value.string("value-of-x"));

        String v1 = "{\"id\":\"a\",\"title\":\"old\",\"size\":1,\"tags\":null,\"port\":[]}";
        ProviderClient.Response<Value> upgraded =
                provider.upgradeResourceState("testing_object", 1, v1.getBytes(StandardCharsets.UTF_8));
        assertThat(upgraded.diagnostics()).isEmpty();
        assertThat(upgraded.value().getAttr("name")).isEqualTo(Value.string("old"));
    }

    @Test
    void asksGetFunctionsForTheFunctionsTheSchemaLeavesOutAndCallsThem() {
        FunctionSignature pick = provider.functions().get("pick");
        assertThat(provider.schema().functions()).isEmpty();
        assertThat(pick.parameters())
                .extracting(FunctionParameter::name, FunctionParameter::type)
                .containsExactly(tuple("items", Type.list(Type.STRING)), tuple("index", Type.NUMBER));
        assertThat(pick.returnType()).isEqualTo(Type.STRING);
        assertThat(pick.summary()).isEqualTo("The item at an index");
        Value items = Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b")));

        ProviderClient.FunctionResult picked = provider.callFunction("pick", List.of(items, Value.number(1)));
        ProviderClient.FunctionResult outOfRange = provider.callFunction("pick", List.of(items, Value.number(5)));

        assertThat(picked).isEqualTo(ProviderClient.FunctionResult.of(Value.string("b")));
        assertThat(outOfRange.failed()).isTrue();
        assertThat(outOfRange.error()).isEqualTo("index 5 is out of range");
        assertThat(outOfRange.argument()).hasValue(1);
    }

    @Test
    void aFunctionTheProviderDoesNotOfferIsAnErrorWithoutACall() {
        ProviderClient.FunctionResult result = provider.callFunction("nope", List.of());

        assertThat(result.error()).isEqualTo("the provider netform/testing v0.1.0 offers no function named \"nope\"");
    }

    @Test
    void anUnknownResourceTypeIsADiagnosticNamingTheProvider() {
        assertThat(provider.importResourceState("testing_nothing", "x").diagnostics())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.error()).isTrue();
                    assertThat(d.detail()).contains("netform/testing v0.1.0").contains("\"testing_nothing\"");
                });
    }

    @Test
    void stopReachesThePluginAndItsComplaintIsLogged() {
        provider.stop();
        RecordingLogSink.Entry entry = log.await("could not stop in-flight work");
        assertThat(entry.record().fields()).containsEntry("error", "nothing to stop");
    }

    @Test
    void aPluginThatDiesMidCallBecomesAnErrorNamingTheProviderAndQuotingItsLog() throws IOException {
        InstalledProvider other = FakeProviderPlugin.install(plugins, "netform/crashing", "0.3.0");
        try (GrpcProvider crashing = launcher.start(other)) {
            Value config = Value.object(Map.of("name", Value.string("x")));
            crashing.validateResourceConfig("testing_crash", config);
            RecordingLogSink.Entry said = log.await("about to lose its footing");
            assertThat(said.plugin()).isEqualTo("netform/crashing");

            assertThatThrownBy(() -> crashing.planResourceChange(
                            "testing_crash", Value.nullOf(config.type()), config, config, null))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("The provider netform/crashing v0.3.0 failed during PlanResourceChange"
                            + " (testing_crash): the plugin exited unexpectedly with status 7.")
                    .hasMessageContaining("the fake provider is about to lose its footing");
        }
    }

    @Test
    void aPluginThatCannotStartIsAnErrorNamingTheProvider() throws IOException {
        Path directory = Files.createDirectories(plugins.resolve("broken"));
        Path executable = directory.resolve("terraform-provider-broken");
        Files.writeString(executable, "#!/bin/sh\necho 'cannot read ~/.broken.conf' >&2\nexit 3\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        InstalledProvider broken = new InstalledProvider(
                ProviderSource.parse("netform/broken"), Version.parse("1.0.0"), directory, executable);

        assertThatThrownBy(() -> launcher.start(broken))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("Could not start the provider netform/broken v1.0.0")
                .hasMessageContaining("exited with status 3 before completing the handshake")
                .hasMessageContaining("cannot read ~/.broken.conf");
    }
}
