package io.netform.provider.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.goplugin.PluginLaunch;
import io.netform.proto.tfplugin6.ApplyResourceChange;
import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import io.netform.proto.tfplugin6.ValidateResourceConfig;
import io.netform.provider.ProviderHarness;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The testing provider as the engine's tests use it: a plugin process over a store file. */
class TestingProviderTest {

    private static final Type OBJECT = TestingObject.SCHEMA.impliedType();
    private static final Type ITEM =
            TestingObject.SCHEMA.block().blockTypes().get("item").block().impliedType();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private ProviderHarness testing;

    @AfterEach
    void stop() {
        if (testing != null) {
            testing.close();
        }
    }

    private Path start(long latencyMillis) throws IOException {
        Path store = directory.resolve("cloud.json");
        Path executable =
                TestingProviderExecutable.write(directory.resolve("plugins"), System.getProperty("java.class.path"));
        testing = ProviderHarness.launch(PluginLaunch.of("testing", List.of(executable.toString()))
                .withEnvironment(Map.of(TestingStore.ENVIRONMENT_VARIABLE, store.toString()))
                .withLogSink((name, record) -> {}));
        assertThat(testing.configure(Value.object(Map.of("latency_ms", Value.number(latencyMillis)))))
                .isEmpty();
        return store;
    }

    @Test
    void createdObjectsLiveInTheStoreFileAndVanishWhenRemovedBehindTheEnginesBack() throws IOException {
        Path store = start(0);
        Value state = testing.create("testing_object", config("web", false));
        String id = state.getAttr("id").asString();
        assertThat(state.getAttr("created_at").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
        JsonNode stored = new StoreLog(store).get(id).orElseThrow();
        assertThat(stored.get("name").asText()).isEqualTo("web");
        assertThat(stored.get("tags").get("team").asText()).isEqualTo("net");

        // a person rewriting the file as a whole store, without the object
        ObjectNode tampered = JSON.createObjectNode();
        tampered.putObject("objects");
        JSON.writeValue(store.toFile(), tampered);
        assertThat(testing.read("testing_object", state).state().isNull()).isTrue();
    }

    @Test
    void failOnCreateFailsWithADiagnosticOnThatArgument() throws IOException {
        start(0);
        Value config = config("doomed", true);
        Value planned =
                testing.plan("testing_object", Value.nullOf(OBJECT), config).state();
        ProviderHarness.Result failed = testing.apply("testing_object", Value.nullOf(OBJECT), planned, config);
        assertThat(failed.state().isNull()).as("nothing was created").isTrue();
        Diagnostic failure = failed.diagnostics().get(0);
        assertThat(failure.getSummary()).isEqualTo("Creation failed");
        assertThat(failure.getAttribute().getSteps(0).getAttributeName()).isEqualTo("fail_on_create");
    }

    @Test
    void echoReturnsItsInput() throws IOException {
        start(0);
        Value input = Value.tuple(Value.string("a"), Value.number(1), Value.bool(true));
        Value read = testing.readData(
                        "testing_echo", Value.object(Map.of("input", input, "output", Value.nullOf(Type.DYNAMIC))))
                .state();
        assertThat(read.getAttr("output")).isEqualTo(input);
    }

    @Test
    void stopProviderCutsAnInFlightCallShort() throws Exception {
        start(600_000);
        Value config = config("slow", false);
        var pending = ProviderGrpc.newFutureStub(testing.stub().getChannel())
                .applyResourceChange(ApplyResourceChange.Request.newBuilder()
                        .setTypeName("testing_object")
                        .setPriorState(ProviderHarness.wire(Value.nullOf(OBJECT), OBJECT))
                        .setPlannedState(ProviderHarness.wire(config, OBJECT))
                        .setConfig(ProviderHarness.wire(config, OBJECT))
                        .build());
        assertThat(testing.stop()).isEmpty();
        ApplyResourceChange.Response stopped = pending.get(30, TimeUnit.SECONDS);
        assertThat(stopped.getDiagnostics(0).getSummary()).isEqualTo("Stopped");
    }

    @Test
    void validateAndPlanWaitOutTheLatencyToo() throws Exception {
        start(600_000);
        Value config = config("slow", false);
        var stub = ProviderGrpc.newFutureStub(testing.stub().getChannel());
        var validating = stub.validateResourceConfig(ValidateResourceConfig.Request.newBuilder()
                .setTypeName("testing_object")
                .setConfig(ProviderHarness.wire(config, OBJECT))
                .build());
        var planning = stub.planResourceChange(PlanResourceChange.Request.newBuilder()
                .setTypeName("testing_object")
                .setPriorState(ProviderHarness.wire(Value.nullOf(OBJECT), OBJECT))
                .setProposedNewState(ProviderHarness.wire(config, OBJECT))
                .setConfig(ProviderHarness.wire(config, OBJECT))
                .build());
        assertThat(testing.stop()).isEmpty();
        assertThat(validating.get(30, TimeUnit.SECONDS).getDiagnostics(0).getSummary())
                .isEqualTo("Stopped");
        assertThat(planning.get(30, TimeUnit.SECONDS).getDiagnostics(0).getSummary())
                .isEqualTo("Stopped");
    }

    private static Value config(String name, boolean fail) {
        Map<String, Value> attributes = new TreeMap<>();
        attributes.put("name", Value.string(name));
        attributes.put("value", Value.string("v"));
        attributes.put("secret", Value.string("s3cr3t"));
        attributes.put("tags", Value.map(Type.STRING, Map.of("team", Value.string("net"))));
        attributes.put("fail_on_create", Value.bool(fail));
        attributes.put("id", Value.nullOf(Type.STRING));
        attributes.put("created_at", Value.nullOf(Type.STRING));
        attributes.put(
                "item",
                Value.list(ITEM, List.of(Value.object(Map.of("key", Value.string("k"), "value", Value.string("v"))))));
        return Value.object(attributes);
    }
}
