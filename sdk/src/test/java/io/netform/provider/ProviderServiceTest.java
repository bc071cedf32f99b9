package io.netform.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.netform.goplugin.PluginLaunch;
import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.GetMetadata;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.proto.tfplugin6.RawState;
import io.netform.proto.tfplugin6.Schema.NestedBlock.NestingMode;
import io.netform.proto.tfplugin6.UpgradeResourceState;
import io.netform.proto.tfplugin6.ValidateDataResourceConfig;
import io.netform.proto.tfplugin6.ValidateProviderConfig;
import io.netform.proto.tfplugin6.ValidateResourceConfig;
import io.netform.value.Type;
import io.netform.value.Value;
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
    private static final Type ITEM =
            NotesProvider.NOTE_SCHEMA.block().blockTypes().get("item").block().impliedType();

    private static ProviderHarness notes;

    @BeforeAll
    static void launch() {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                NotesProvider.Plugin.class.getName());
        notes = ProviderHarness.launch(PluginLaunch.of("notes", command).withLogSink((name, record) -> {}));
        assertThat(notes.configure(Value.object(Map.of("prefix", Value.string("n")))))
                .isEmpty();
    }

    @AfterAll
    static void stop() {
        notes.close();
    }

    @Test
    void describesTheSchemasInTerraformsForm() {
        GetProviderSchema.Response schema =
                notes.stub().getProviderSchema(GetProviderSchema.Request.getDefaultInstance());
        io.netform.proto.tfplugin6.Schema note = schema.getResourceSchemasOrThrow("notes_note");
        assertThat(note.getVersion()).isEqualTo(1);
        io.netform.proto.tfplugin6.Schema.Attribute name = note.getBlock().getAttributes(0);
        assertThat(name.getName()).isEqualTo("name");
        assertThat(name.getType().toStringUtf8()).isEqualTo("\"string\"");
        assertThat(name.getRequired()).isTrue();
        assertThat(note.getBlock().getAttributesList())
                .filteredOn(a -> a.getName().equals("secret"))
                .singleElement()
                .satisfies(secret -> assertThat(secret.getSensitive()).isTrue());
        assertThat(note.getBlock().getBlockTypes(0).getNesting()).isEqualTo(NestingMode.LIST);
        assertThat(schema.getDataSourceSchemasMap()).containsKey("notes_echo");
        assertThat(schema.getProvider().getBlock().getAttributes(0).getName()).isEqualTo("prefix");
        assertThat(notes.resourceType("notes_note")).isEqualTo(NOTE);
    }

    @Test
    void listsItsResourceTypesAndDataSourcesInTheMetadata() {
        GetMetadata.Response metadata = notes.stub().getMetadata(GetMetadata.Request.getDefaultInstance());
        assertThat(metadata.getResourcesList())
                .extracting(GetMetadata.ResourceMetadata::getTypeName)
                .containsExactlyInAnyOrder("notes_note", "notes_liar");
        assertThat(metadata.getDataSourcesList())
                .extracting(GetMetadata.DataSourceMetadata::getTypeName)
                .containsExactly("notes_echo");
    }

    @Test
    void validatesTheProviderAndDataSourceConfigurations() {
        Type providerType = Type.object(Map.of("prefix", Type.STRING));
        assertThat(notes.stub()
                        .validateProviderConfig(ValidateProviderConfig.Request.newBuilder()
                                .setConfig(ProviderHarness.wire(
                                        Value.object(Map.of("prefix", Value.string("p"))), providerType))
                                .build())
                        .getDiagnosticsList())
                .isEmpty();

        Type echo = NotesProvider.ECHO_SCHEMA.impliedType();
        Value noInput = echoConfig(Value.nullOf(Type.DYNAMIC));
        Diagnostic missing = notes.stub()
                .validateDataResourceConfig(ValidateDataResourceConfig.Request.newBuilder()
                        .setTypeName("notes_echo")
                        .setConfig(ProviderHarness.wire(noInput, echo))
                        .build())
                .getDiagnostics(0);
        assertThat(missing.getSummary()).isEqualTo("Missing required argument");
        assertThat(missing.getAttribute().getSteps(0).getAttributeName()).isEqualTo("input");

        Value unknownInput = echoConfig(Value.unknown(Type.DYNAMIC));
        assertThat(notes.stub()
                        .validateDataResourceConfig(ValidateDataResourceConfig.Request.newBuilder()
                                .setTypeName("notes_echo")
                                .setConfig(ProviderHarness.wire(unknownInput, echo))
                                .build())
                        .getDiagnosticsList())
                .as("a value not known yet is no error")
                .isEmpty();
    }

    @Test
    void validationNamesTheAttributeAndAcceptsJsonWhenMsgpackIsEmpty() {
        Diagnostic invalid = notes.validate("notes_note", config(" ", null)).get(0);
        assertThat(invalid.getSummary()).isEqualTo("Invalid name");
        assertThat(invalid.getAttribute().getSteps(0).getAttributeName()).isEqualTo("name");

        String json = "{\"name\":\"ok\",\"body\":null,\"secret\":null,\"tags\":null,\"colour\":null,"
                + "\"id\":null,\"revision\":null,\"item\":[]}";
        assertThat(notes.stub()
                        .validateResourceConfig(ValidateResourceConfig.Request.newBuilder()
                                .setTypeName("notes_note")
                                .setConfig(DynamicValue.newBuilder().setJson(ByteString.copyFromUtf8(json)))
                                .build())
                        .getDiagnosticsList())
                .isEmpty();

        Diagnostic unknownType = notes.stub()
                .validateResourceConfig(ValidateResourceConfig.Request.newBuilder()
                        .setTypeName("notes_nope")
                        .build())
                .getDiagnostics(0);
        assertThat(unknownType.getDetail()).isEqualTo("The provider notes has no resource type \"notes_nope\".");
    }

    @Test
    void createPlansComputedValuesAsUnknownAndApplyResolvesThem() {
        Value config = config("shopping", "milk");
        ProviderHarness.Planned plan = notes.plan("notes_note", Value.nullOf(NOTE), config);
        assertThat(plan.diagnostics()).isEmpty();
        Value planned = plan.state();
        assertThat(planned.getAttr("id").isKnown()).isFalse();
        assertThat(planned.getAttr("revision").isKnown()).isFalse();
        assertThat(planned.getAttr("colour")).isEqualTo(Value.string("yellow"));
        assertThat(planned.getAttr("body")).isEqualTo(Value.string("milk"));
        assertThat(plan.requiresReplace()).isEmpty();

        ProviderHarness.Result applied = notes.apply("notes_note", Value.nullOf(NOTE), planned, config);
        assertThat(applied.diagnostics()).isEmpty();
        assertThat(applied.state().isWhollyKnown()).isTrue();
        assertThat(applied.state().getAttr("id").asString()).startsWith("n-");
        assertThat(applied.state().getAttr("colour")).isEqualTo(Value.string("yellow"));
    }

    @Test
    void changingAForceNewAttributeAsksForReplacementAndOtherChangesUpdateInPlace() {
        Value created = notes.create("notes_note", config("todo", "a"));

        ProviderHarness.Planned replace = notes.plan("notes_note", created, config("todo-2", "a"));
        assertThat(replace.requiresReplace())
                .singleElement()
                .satisfies(
                        path -> assertThat(path.getSteps(0).getAttributeName()).isEqualTo("name"));
        assertThat(replace.state().getAttr("id").isKnown()).isFalse();

        Value edited = config("todo", null);
        ProviderHarness.Planned update = notes.plan("notes_note", created, edited);
        assertThat(update.requiresReplace()).isEmpty();
        assertThat(update.state().getAttr("id")).isEqualTo(created.getAttr("id"));
        assertThat(update.state().getAttr("body").isNull())
                .as("an unset optional argument is planned null")
                .isTrue();
        assertThat(update.state().getAttr("revision").isKnown()).isFalse();
        Value updated =
                notes.apply("notes_note", created, update.state(), edited).state();
        assertThat(updated.getAttr("revision")).isEqualTo(Value.number(2));
        assertThat(updated.getAttr("body").isNull()).isTrue();
    }

    @Test
    void readReturnsNullOnceTheObjectIsGone() {
        Value created = notes.create("notes_note", config("gone-soon", null));
        assertThat(notes.read("notes_note", created).state()).isEqualTo(created);
        ProviderHarness.Result deleted = notes.apply("notes_note", created, Value.nullOf(NOTE), Value.nullOf(NOTE));
        assertThat(deleted.diagnostics()).isEmpty();
        assertThat(deleted.state().isNull()).isTrue();
        assertThat(notes.read("notes_note", created).state().isNull()).isTrue();
    }

    @Test
    void importsByIdAndUpgradesStateStoredUnderAnOlderSchema() {
        assertThat(notes.importState("notes_note", "n-42").state().getAttr("id"))
                .isEqualTo(Value.string("n-42"));

        String storedV0 = "{\"id\":\"n-7\",\"name\":\"old\",\"text\":\"from version 0\",\"revision\":3}";
        UpgradeResourceState.Response upgraded = notes.stub()
                .upgradeResourceState(UpgradeResourceState.Request.newBuilder()
                        .setTypeName("notes_note")
                        .setVersion(0)
                        .setRawState(RawState.newBuilder().setJson(ByteString.copyFromUtf8(storedV0)))
                        .build());
        assertThat(upgraded.getDiagnosticsList()).isEmpty();
        Value state = ProviderHarness.value(upgraded.getUpgradedState(), NOTE);
        assertThat(state.getAttr("body")).isEqualTo(Value.string("from version 0"));
        assertThat(state.getAttr("revision")).isEqualTo(Value.number(3));
    }

    @Test
    void storedStateKeepsEveryDigitOfItsNumbers() {
        String fraction = "0.1000000000000000000000000000001";
        String storedV0 = "{\"id\":\"n-8\",\"name\":\"old\",\"text\":\"t\",\"revision\":" + fraction + "}";
        UpgradeResourceState.Response upgraded = notes.stub()
                .upgradeResourceState(UpgradeResourceState.Request.newBuilder()
                        .setTypeName("notes_note")
                        .setVersion(0)
                        .setRawState(RawState.newBuilder().setJson(ByteString.copyFromUtf8(storedV0)))
                        .build());
        Value state = ProviderHarness.value(upgraded.getUpgradedState(), NOTE);
        assertThat(state.getAttr("revision").asBigFloat().text()).isEqualTo(fraction);
    }

    @Test
    void aDataSourceReadsADynamicValue() {
        Value input = Value.object(Map.of("cidr", Value.string("10.0.0.0/24"), "size", Value.number(256)));
        ProviderHarness.Result read = notes.readData("notes_echo", echoConfig(input));
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.state().getAttr("output")).isEqualTo(input);
    }

    @Test
    void aProviderThatChangesAKnownPlannedValueIsCaught() {
        Value config = config("truthful?", "as planned");
        Value planned = notes.plan("notes_liar", Value.nullOf(NOTE), config).state();
        ProviderHarness.Result applied = notes.apply("notes_liar", Value.nullOf(NOTE), planned, config);
        assertThat(applied.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.getSummary()).isEqualTo("Provider produced inconsistent result after apply");
            assertThat(diagnostic.getDetail())
                    .contains(".body was planned as one value but the provider returned another")
                    .doesNotContain("something else");
        });
    }

    @Test
    void servesTheSameInProcess() {
        try (ProviderHarness inProcess = ProviderHarness.inProcess(new NotesProvider())) {
            Value created = inProcess.create("notes_note", config("local", "here"));
            assertThat(created.getAttr("id").asString()).startsWith("note-");
            assertThat(inProcess.read("notes_note", created).state()).isEqualTo(created);
        }
    }

    private static Value echoConfig(Value input) {
        return Value.object(Map.of("input", input, "output", Value.nullOf(Type.DYNAMIC)));
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
}
