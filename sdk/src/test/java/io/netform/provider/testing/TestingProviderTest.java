package io.netform.provider.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.netform.goplugin.PluginClient;
import io.netform.goplugin.PluginLaunch;
import io.netform.proto.tfplugin6.ApplyResourceChange;
import io.netform.proto.tfplugin6.ConfigureProvider;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import io.netform.proto.tfplugin6.ReadResource;
import io.netform.proto.tfplugin6.StopProvider;
import io.netform.value.CodecException;
import io.netform.value.MsgpackCodec;
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
    private static final Type ITEM = TestingObject.SCHEMA.block().blocks().get(0).block().impliedType();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private PluginClient plugin;
    private ProviderGrpc.ProviderBlockingStub provider;

    @AfterEach
    void stop() {
        if (plugin != null) {
            plugin.close();
        }
    }

    private Path start(long latencyMillis) {
        Path store = directory.resolve("cloud.json");
        Path executable;
        try {
            executable = TestingProviderExecutable.write(
                    directory.resolve("plugins"), System.getProperty("java.class.path"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        plugin = PluginClient.launch(PluginLaunch.of("testing", List.of(executable.toString()))
                .withEnvironment(Map.of(TestingStore.ENVIRONMENT_VARIABLE, store.toString()))
                .withLogSink((name, record) -> {}));
        provider = ProviderGrpc.newBlockingStub(plugin.channel());
        Value config = Value.object(Map.of("latency_ms", Value.number(latencyMillis)));
        assertThat(provider.configureProvider(ConfigureProvider.Request.newBuilder()
                        .setConfig(wire(config, Type.object(Map.of("latency_ms", Type.NUMBER)))).build())
                .getDiagnosticsList())
                .isEmpty();
        return store;
    }

    @Test
    void createdObjectsLiveInTheStoreFileAndVanishWhenRemovedBehindTheEnginesBack() throws IOException {
        Path store = start(0);
        Value state = create(config("web", false));
        String id = state.getAttr("id").asString();
        assertThat(state.getAttr("created_at").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
        JsonNode stored = JSON.readTree(store.toFile()).get("objects").get(id);
        assertThat(stored.get("name").asText()).isEqualTo("web");
        assertThat(stored.get("tags").get("team").asText()).isEqualTo("net");

        ObjectNode tampered = (ObjectNode) JSON.readTree(store.toFile());
        ((ObjectNode) tampered.get("objects")).remove(id);
        JSON.writeValue(store.toFile(), tampered);
        assertThat(read(state).isNull()).isTrue();
    }

    @Test
    void failOnCreateFailsWithADiagnosticOnThatArgument() {
        start(0);
        Value config = config("doomed", true);
        ApplyResourceChange.Response applied = apply(plan(config), config);
        assertThat(applied.getDiagnostics(0).getSummary()).isEqualTo("Creation failed");
        assertThat(applied.getDiagnostics(0).getAttribute().getSteps(0).getAttributeName())
                .isEqualTo("fail_on_create");
    }

    @Test
    void stopProviderCutsAnInFlightCallShort() throws Exception {
        start(600_000);
        Value config = config("slow", false);
        var pending = ProviderGrpc.newFutureStub(plugin.channel()).applyResourceChange(
                ApplyResourceChange.Request.newBuilder()
                        .setTypeName("testing_object")
                        .setPriorState(wire(Value.nullOf(OBJECT), OBJECT))
                        .setPlannedState(wire(config, OBJECT))
                        .setConfig(wire(config, OBJECT))
                        .build());
        assertThat(provider.stopProvider(StopProvider.Request.getDefaultInstance()).getError()).isEmpty();
        ApplyResourceChange.Response stopped = pending.get(30, TimeUnit.SECONDS);
        assertThat(stopped.getDiagnostics(0).getSummary()).isEqualTo("Stopped");
    }

    private Value create(Value config) {
        ApplyResourceChange.Response applied = apply(plan(config), config);
        assertThat(applied.getDiagnosticsList()).isEmpty();
        return value(applied.getNewState());
    }

    private Value plan(Value config) {
        PlanResourceChange.Response planned = provider.planResourceChange(PlanResourceChange.Request.newBuilder()
                .setTypeName("testing_object")
                .setPriorState(wire(Value.nullOf(OBJECT), OBJECT))
                .setProposedNewState(wire(config, OBJECT))
                .setConfig(wire(config, OBJECT))
                .build());
        assertThat(planned.getDiagnosticsList()).isEmpty();
        return value(planned.getPlannedState());
    }

    private ApplyResourceChange.Response apply(Value planned, Value config) {
        return provider.applyResourceChange(ApplyResourceChange.Request.newBuilder()
                .setTypeName("testing_object")
                .setPriorState(wire(Value.nullOf(OBJECT), OBJECT))
                .setPlannedState(wire(planned, OBJECT))
                .setConfig(wire(config, OBJECT))
                .build());
    }

    private Value read(Value current) {
        ReadResource.Response read = provider.readResource(ReadResource.Request.newBuilder()
                .setTypeName("testing_object").setCurrentState(wire(current, OBJECT)).build());
        assertThat(read.getDiagnosticsList()).isEmpty();
        return value(read.getNewState());
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
        attributes.put("item", Value.list(ITEM, List.of(
                Value.object(Map.of("key", Value.string("k"), "value", Value.string("v"))))));
        return Value.object(attributes);
    }

    private static DynamicValue wire(Value value, Type type) {
        try {
            return DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(MsgpackCodec.encode(value, type))).build();
        } catch (CodecException e) {
            throw new AssertionError(e);
        }
    }

    private static Value value(DynamicValue wire) {
        try {
            return MsgpackCodec.decode(wire.getMsgpack().toByteArray(), OBJECT);
        } catch (CodecException e) {
            throw new AssertionError(e);
        }
    }
}
