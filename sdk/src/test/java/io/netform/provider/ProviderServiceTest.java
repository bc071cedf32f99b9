package io.netform.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.netform.goplugin.PluginClient;
import io.netform.goplugin.PluginLaunch;
import io.netform.proto.tfplugin6.ApplyResourceChange;
import io.netform.proto.tfplugin6.ConfigureProvider;
import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.proto.tfplugin6.ImportResourceState;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import io.netform.proto.tfplugin6.RawState;
import io.netform.proto.tfplugin6.ReadDataSource;
import io.netform.proto.tfplugin6.ReadResource;
import io.netform.proto.tfplugin6.Schema.NestedBlock.NestingMode;
import io.netform.proto.tfplugin6.UpgradeResourceState;
import io.netform.proto.tfplugin6.ValidateResourceConfig;
import io.netform.value.CodecException;
import io.netform.value.MsgpackCodec;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives a provider written with the framework as the engine does: a real plugin process, every
 * RPC over the Unix socket with AutoMTLS, values as msgpack.
 */
class ProviderServiceTest {

    private static final Type NOTE = NotesProvider.NOTE_SCHEMA.impliedType();
    private static final Type ITEM = NotesProvider.NOTE_SCHEMA.block().blocks().get(0).block().impliedType();

    private static PluginClient plugin;
    private static ProviderGrpc.ProviderBlockingStub provider;

    @BeforeAll
    static void launch() {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                NotesProvider.Plugin.class.getName());
        plugin = PluginClient.launch(PluginLaunch.of("notes", command).withLogSink((name, record) -> {}));
        provider = ProviderGrpc.newBlockingStub(plugin.channel());
        assertThat(provider.configureProvider(ConfigureProvider.Request.newBuilder()
                        .setConfig(wire(Value.object(Map.of("prefix", Value.string("n"))), providerType()))
                        .build())
                .getDiagnosticsList())
                .isEmpty();
    }

    @AfterAll
    static void stop() {
        plugin.close();
    }

    @Test
    void describesTheSchemasInTerraformsForm() {
        GetProviderSchema.Response schema = provider.getProviderSchema(GetProviderSchema.Request.getDefaultInstance());
        io.netform.proto.tfplugin6.Schema note = schema.getResourceSchemasOrThrow("notes_note");
        assertThat(note.getVersion()).isEqualTo(1);
        io.netform.proto.tfplugin6.Schema.Attribute name = note.getBlock().getAttributes(0);
        assertThat(name.getName()).isEqualTo("name");
        assertThat(name.getType().toStringUtf8()).isEqualTo("\"string\"");
        assertThat(name.getRequired()).isTrue();
        assertThat(note.getBlock().getAttributesList())
                .filteredOn(a -> a.getName().equals("secret")).singleElement()
                .satisfies(secret -> assertThat(secret.getSensitive()).isTrue());
        assertThat(note.getBlock().getBlockTypes(0).getNesting()).isEqualTo(NestingMode.LIST);
        assertThat(schema.getDataSourceSchemasMap()).containsKey("notes_echo");
        assertThat(schema.getProvider().getBlock().getAttributes(0).getName()).isEqualTo("prefix");
    }

    @Test
    void validationNamesTheAttributeAndAcceptsJsonWhenMsgpackIsEmpty() {
        Value blank = config(" ", null);
        Diagnostic invalid = provider.validateResourceConfig(ValidateResourceConfig.Request.newBuilder()
                        .setTypeName("notes_note").setConfig(wire(blank, NOTE)).build())
                .getDiagnostics(0);
        assertThat(invalid.getSummary()).isEqualTo("Invalid name");
        assertThat(invalid.getAttribute().getSteps(0).getAttributeName()).isEqualTo("name");

        String json = "{\"name\":\"ok\",\"body\":null,\"secret\":null,\"tags\":null,\"colour\":null,"
                + "\"id\":null,\"revision\":null,\"item\":[]}";
        assertThat(provider.validateResourceConfig(ValidateResourceConfig.Request.newBuilder()
                        .setTypeName("notes_note")
                        .setConfig(DynamicValue.newBuilder().setJson(ByteString.copyFromUtf8(json)))
                        .build())
                .getDiagnosticsList())
                .isEmpty();

        Diagnostic unknownType = provider.validateResourceConfig(ValidateResourceConfig.Request.newBuilder()
                        .setTypeName("notes_nope").setConfig(wire(blank, NOTE)).build())
                .getDiagnostics(0);
        assertThat(unknownType.getDetail()).isEqualTo("The provider notes has no resource type \"notes_nope\".");
    }

    @Test
    void createPlansComputedValuesAsUnknownAndApplyResolvesThem() {
        Value config = config("shopping", "milk");
        PlanResourceChange.Response plan = plan("notes_note", Value.nullOf(NOTE), config, config);
        Value planned = value(plan.getPlannedState(), NOTE);
        assertThat(planned.getAttr("id").isKnown()).isFalse();
        assertThat(planned.getAttr("revision").isKnown()).isFalse();
        assertThat(planned.getAttr("colour")).isEqualTo(Value.string("yellow"));
        assertThat(planned.getAttr("body")).isEqualTo(Value.string("milk"));
        assertThat(plan.getRequiresReplaceList()).isEmpty();

        ApplyResourceChange.Response applied = apply("notes_note", Value.nullOf(NOTE), planned, config);
        assertThat(applied.getDiagnosticsList()).isEmpty();
        Value state = value(applied.getNewState(), NOTE);
        assertThat(state.isWhollyKnown()).isTrue();
        assertThat(state.getAttr("id").asString()).startsWith("n-");
        assertThat(state.getAttr("colour")).isEqualTo(Value.string("yellow"));
    }

    @Test
    void changingAForceNewAttributeAsksForReplacementAndOtherChangesUpdateInPlace() {
        Value created = create(config("todo", "a"));

        Value renamed = config("todo-2", "a");
        PlanResourceChange.Response replace = plan("notes_note", created, proposed(created, renamed), renamed);
        assertThat(replace.getRequiresReplaceList()).singleElement()
                .satisfies(path -> assertThat(path.getSteps(0).getAttributeName()).isEqualTo("name"));
        assertThat(value(replace.getPlannedState(), NOTE).getAttr("id").isKnown()).isFalse();

        Value edited = config("todo", "b");
        PlanResourceChange.Response update = plan("notes_note", created, proposed(created, edited), edited);
        assertThat(update.getRequiresReplaceList()).isEmpty();
        Value planned = value(update.getPlannedState(), NOTE);
        assertThat(planned.getAttr("id")).isEqualTo(created.getAttr("id"));
        assertThat(planned.getAttr("revision").isKnown()).isFalse();
        Value updated = value(apply("notes_note", created, planned, edited).getNewState(), NOTE);
        assertThat(updated.getAttr("revision")).isEqualTo(Value.number(2));
        assertThat(updated.getAttr("body")).isEqualTo(Value.string("b"));
    }

    @Test
    void readReturnsNullOnceTheObjectIsGone() {
        Value created = create(config("gone-soon", null));
        assertThat(read(created)).isEqualTo(created);
        ApplyResourceChange.Response deleted = apply("notes_note", created, Value.nullOf(NOTE), Value.nullOf(NOTE));
        assertThat(deleted.getDiagnosticsList()).isEmpty();
        assertThat(value(deleted.getNewState(), NOTE).isNull()).isTrue();
        assertThat(read(created).isNull()).isTrue();
    }

    @Test
    void importsByIdAndUpgradesStateStoredUnderAnOlderSchema() {
        ImportResourceState.Response imported = provider.importResourceState(ImportResourceState.Request.newBuilder()
                .setTypeName("notes_note").setId("n-42").build());
        assertThat(value(imported.getImportedResources(0).getState(), NOTE).getAttr("id"))
                .isEqualTo(Value.string("n-42"));

        String storedV0 = "{\"id\":\"n-7\",\"name\":\"old\",\"text\":\"from version 0\",\"revision\":3}";
        UpgradeResourceState.Response upgraded = provider.upgradeResourceState(UpgradeResourceState.Request.newBuilder()
                .setTypeName("notes_note")
                .setVersion(0)
                .setRawState(RawState.newBuilder().setJson(ByteString.copyFromUtf8(storedV0)))
                .build());
        assertThat(upgraded.getDiagnosticsList()).isEmpty();
        Value state = value(upgraded.getUpgradedState(), NOTE);
        assertThat(state.getAttr("body")).isEqualTo(Value.string("from version 0"));
        assertThat(state.getAttr("revision")).isEqualTo(Value.number(3));
    }

    @Test
    void aDataSourceReadsADynamicValue() {
        Type echo = NotesProvider.ECHO_SCHEMA.impliedType();
        Value input = Value.object(Map.of("cidr", Value.string("10.0.0.0/24"), "size", Value.number(256)));
        Value config = Value.object(Map.of("input", input, "output", Value.nullOf(Type.DYNAMIC)));
        ReadDataSource.Response read = provider.readDataSource(ReadDataSource.Request.newBuilder()
                .setTypeName("notes_echo").setConfig(wire(config, echo)).build());
        assertThat(read.getDiagnosticsList()).isEmpty();
        assertThat(value(read.getState(), echo).getAttr("output")).isEqualTo(input);
    }

    @Test
    void aProviderThatChangesAKnownPlannedValueIsCaught() {
        Value config = config("truthful?", "as planned");
        Value planned = value(plan("notes_liar", Value.nullOf(NOTE), config, config).getPlannedState(), NOTE);
        ApplyResourceChange.Response applied = apply("notes_liar", Value.nullOf(NOTE), planned, config);
        assertThat(applied.getDiagnosticsList()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.getSummary()).isEqualTo("Provider produced inconsistent result after apply");
            assertThat(diagnostic.getDetail())
                    .contains(".body was planned as one value but the provider returned another")
                    .doesNotContain("something else");
        });
    }

    private static Value create(Value config) {
        Value planned = value(plan("notes_note", Value.nullOf(NOTE), config, config).getPlannedState(), NOTE);
        return value(apply("notes_note", Value.nullOf(NOTE), planned, config).getNewState(), NOTE);
    }

    private static Value read(Value current) {
        ReadResource.Response read = provider.readResource(ReadResource.Request.newBuilder()
                .setTypeName("notes_note").setCurrentState(wire(current, NOTE)).build());
        assertThat(read.getDiagnosticsList()).isEmpty();
        return value(read.getNewState(), NOTE);
    }

    private static PlanResourceChange.Response plan(String type, Value prior, Value proposed, Value config) {
        PlanResourceChange.Response plan = provider.planResourceChange(PlanResourceChange.Request.newBuilder()
                .setTypeName(type)
                .setPriorState(wire(prior, NOTE))
                .setProposedNewState(wire(proposed, NOTE))
                .setConfig(wire(config, NOTE))
                .build());
        assertThat(plan.getDiagnosticsList()).isEmpty();
        return plan;
    }

    private static ApplyResourceChange.Response apply(String type, Value prior, Value planned, Value config) {
        return provider.applyResourceChange(ApplyResourceChange.Request.newBuilder()
                .setTypeName(type)
                .setPriorState(wire(prior, NOTE))
                .setPlannedState(wire(planned, NOTE))
                .setConfig(wire(config, NOTE))
                .build());
    }

    /** A note's configuration as the engine sends it: unset arguments null, no item blocks. */
    private static Value config(String name, String body) {
        Map<String, Value> attributes = new TreeMap<>();
        attributes.put("name", Value.string(name));
        attributes.put("body", body == null ? Value.nullOf(Type.STRING) : Value.string(body));
        attributes.put("secret", Value.nullOf(Type.STRING));
        attributes.put("tags", Value.nullOf(Type.map(Type.STRING)));
        attributes.put("colour", Value.nullOf(Type.STRING));
        attributes.put("id", Value.nullOf(Type.STRING));
        attributes.put("revision", Value.nullOf(Type.NUMBER));
        attributes.put("item", Value.list(ITEM, List.of()));
        return Value.object(attributes);
    }

    /** What the engine proposes for an update: the config, with prior values where it is null and computed. */
    private static Value proposed(Value prior, Value config) {
        Map<String, Value> attributes = new TreeMap<>(config.asMap());
        for (String computed : List.of("colour", "id", "revision")) {
            attributes.put(computed, prior.getAttr(computed));
        }
        return Value.object(attributes);
    }

    private static Type providerType() {
        return Type.object(Map.of("prefix", Type.STRING));
    }

    private static DynamicValue wire(Value value, Type type) {
        try {
            return DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(MsgpackCodec.encode(value, type))).build();
        } catch (CodecException e) {
            throw new AssertionError(e);
        }
    }

    private static Value value(DynamicValue wire, Type type) {
        try {
            return MsgpackCodec.decode(wire.getMsgpack().toByteArray(), type);
        } catch (CodecException e) {
            throw new AssertionError("not msgpack of " + type.friendlyName() + ": "
                    + new String(wire.getJson().toByteArray(), StandardCharsets.UTF_8), e);
        }
    }
}
