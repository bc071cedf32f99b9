package io.netform.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.netform.proto.tfplugin6.Function;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a provider sends in GetProviderSchema the engine reads back as the same schema, and a schema
 * a foreign provider sends is written back unchanged: every kind of attribute, nested types and
 * nested blocks of each nesting mode, item limits, descriptions, versions and function signatures.
 */
class SchemaRoundTripTest {

    private static final SchemaBlock RULE = SchemaBlock.of(
                    SchemaAttribute.string("action").required(),
                    SchemaAttribute.of("sources", Type.set(Type.STRING)).optional())
            .describedAs("One firewall rule.");

    private static final SchemaBlock SEGMENT = SchemaBlock.of(
                    SchemaAttribute.string("display_name").required().describedAs("The name shown in NSX."),
                    SchemaAttribute.number("mtu").optional(),
                    SchemaAttribute.string("path").computed(),
                    SchemaAttribute.string("id").optionalComputed(),
                    SchemaAttribute.string("password").optional().sensitive(),
                    SchemaAttribute.string("vlan").optional().deprecated().describedAs("Use vlan_ids."),
                    SchemaAttribute.of("anything", Type.DYNAMIC).optional(),
                    SchemaAttribute.nested(
                                    "dhcp",
                                    Nesting.SINGLE,
                                    SchemaAttribute.string("server").required())
                            .optional(),
                    SchemaAttribute.nested(
                                    "subnets",
                                    Nesting.LIST,
                                    SchemaAttribute.string("cidr").required(),
                                    SchemaAttribute.nested(
                                                    "ranges",
                                                    Nesting.MAP,
                                                    SchemaAttribute.string("first")
                                                            .optional(),
                                                    SchemaAttribute.string("last")
                                                            .optional()
                                                            .sensitive())
                                            .optional())
                            .optionalComputed(),
                    SchemaAttribute.nested(
                                    "ports",
                                    Nesting.SET,
                                    SchemaAttribute.number("port").required())
                            .computed()
                            .deprecated(),
                    SchemaAttribute.nested(
                                    "labels",
                                    Nesting.MAP,
                                    SchemaAttribute.string("value").optional())
                            .optional())
            .with(
                    new NestedBlock("rule", Nesting.LIST, RULE, 1, 10),
                    new NestedBlock("tag", Nesting.SET, RULE, 0, 0),
                    new NestedBlock("options", Nesting.SINGLE, RULE.deprecated(), 0, 1),
                    new NestedBlock("advanced", Nesting.GROUP, RULE, 0, 0),
                    new NestedBlock("by_name", Nesting.MAP, RULE, 0, 0))
            .describedAs("A segment.");

    private static final FunctionSignature IP_IN_RANGES = FunctionSignature.returning(Type.BOOL)
            .with(
                    FunctionParameter.string("address").describedAs("An address."),
                    FunctionParameter.of("ranges", Type.list(Type.STRING))
                            .allowingNull()
                            .allowingUnknown())
            .withVariadic(FunctionParameter.of("more", Type.DYNAMIC))
            .summarizedAs("In ranges")
            .describedAs("Whether the address is in the ranges.")
            .deprecated("Use contains.");

    private static final ProviderSchema PROVIDER = new ProviderSchema(
            Schema.of(SchemaBlock.of(
                            SchemaAttribute.string("host").required(),
                            SchemaAttribute.string("token").optional().sensitive())
                    .describedAs("NSX Manager connection")),
            Map.of("nsxt_policy_segment", new Schema(3, SEGMENT), "nsxt_policy_group", Schema.of(RULE)),
            Map.of(
                    "nsxt_policy_tier0_gateway",
                    new Schema(
                            1,
                            SchemaBlock.of(
                                    SchemaAttribute.string("display_name").required()))),
            Map.of("ip_in_ranges", IP_IN_RANGES, "path_id", FunctionSignature.returning(Type.STRING)));

    @Test
    void aSchemaSentIsTheSchemaRead() {
        assertThat(SchemaMessages.decode(SchemaMessages.encode(PROVIDER).build()))
                .isEqualTo(PROVIDER);
    }

    @Test
    void aSchemaReadIsTheSchemaSentAgain() throws Exception {
        GetProviderSchema.Response sent = foreignProvider();
        assertThat(SchemaMessages.encode(SchemaMessages.decode(sent)).build()).isEqualTo(sent);
        Function function = sent.getFunctionsMap().get("ip_in_ranges");
        assertThat(SchemaMessages.encode(SchemaMessages.decode(function, "function ip_in_ranges")))
                .isEqualTo(function);
    }

    @Test
    void aForeignSchemaReadsAsTheModelItDescribes() {
        ProviderSchema read = SchemaMessages.decode(foreignProvider());
        SchemaBlock segment = read.resources().get("nsxt_policy_segment").block();
        assertThat(read.resources().get("nsxt_policy_segment").version()).isEqualTo(2);
        assertThat(segment.attributes().get("ranges"))
                .isEqualTo(SchemaAttribute.nested(
                                "ranges",
                                Nesting.SET,
                                SchemaAttribute.string("first").required(),
                                SchemaAttribute.string("last").computed().sensitive())
                        .optional()
                        .deprecated());
        assertThat(segment.attributes().get("ranges").type())
                .isEqualTo(Type.set(Type.object(Map.of("first", Type.STRING, "last", Type.STRING))));
        assertThat(segment.blockTypes().get("rule"))
                .isEqualTo(new NestedBlock(
                        "rule",
                        Nesting.LIST,
                        SchemaBlock.of(SchemaAttribute.string("action").required())
                                .describedAs("A rule.")
                                .deprecated(),
                        1,
                        5));
        assertThat(read.functions().get("ip_in_ranges").parameterFor(3))
                .hasValue(new FunctionParameter("more", Type.DYNAMIC, true, false, "More ranges."));
    }

    @Test
    void forceNewAndDefaultsAreTheProvidersOwnAndAreNotSent() {
        SchemaBlock withPlanning = SchemaBlock.of(
                        SchemaAttribute.string("name").required().forceNew(),
                        SchemaAttribute.string("colour").withDefault(Value.string("yellow")))
                .with(NestedBlock.list("item", RULE).forceNew());
        SchemaBlock sent = SchemaBlock.of(
                        SchemaAttribute.string("name").required(),
                        SchemaAttribute.string("colour").optionalComputed())
                .with(NestedBlock.list("item", RULE));

        assertThat(SchemaMessages.decode(SchemaMessages.encode(Schema.of(withPlanning)), "resource type x")
                        .block())
                .isEqualTo(sent);
    }

    @Test
    void aNestedTypeWithoutANestingModeOrAGroupOfAttributesIsNoSchema() {
        io.netform.proto.tfplugin6.Schema.Attribute.Builder noNesting =
                io.netform.proto.tfplugin6.Schema.Attribute.newBuilder()
                        .setName("ranges")
                        .setOptional(true)
                        .setNestedType(io.netform.proto.tfplugin6.Schema.Object.newBuilder()
                                .addAttributes(typed("first", "\"string\"").setOptional(true)));
        assertThatThrownBy(() -> SchemaMessages.decode(
                        io.netform.proto.tfplugin6.Schema.newBuilder()
                                .setBlock(io.netform.proto.tfplugin6.Schema.Block.newBuilder()
                                        .addAttributes(noNesting))
                                .build(),
                        "resource type x"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("resource type x, attribute ranges: its nested type has no valid nesting mode");
        assertThatThrownBy(() -> SchemaAttribute.nested("ranges", Nesting.GROUP, SchemaAttribute.string("first")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemLimitsThatAreNoRangeAreNoSchema() {
        assertThatThrownBy(() -> SchemaMessages.decode(
                        io.netform.proto.tfplugin6.Schema.newBuilder()
                                .setBlock(io.netform.proto.tfplugin6.Schema.Block.newBuilder()
                                        .addBlockTypes(io.netform.proto.tfplugin6.Schema.NestedBlock.newBuilder()
                                                .setTypeName("rule")
                                                .setNesting(
                                                        io.netform.proto.tfplugin6.Schema.NestedBlock.NestingMode.LIST)
                                                .setMinItems(3)
                                                .setMaxItems(1)))
                                .build(),
                        "resource type x"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("resource type x: block rule: item limits 3..1 are not a range");
    }

    /** A response as a provider not written with Netform's framework might send it. */
    private static GetProviderSchema.Response foreignProvider() {
        io.netform.proto.tfplugin6.Schema.Block rule = io.netform.proto.tfplugin6.Schema.Block.newBuilder()
                .setDescription("A rule.")
                .setDeprecated(true)
                .addAttributes(typed("action", "\"string\"").setRequired(true))
                .build();
        io.netform.proto.tfplugin6.Schema.Block segment = io.netform.proto.tfplugin6.Schema.Block.newBuilder()
                .setVersion(2)
                .setDescription("A segment.")
                .addAttributes(
                        typed("display_name", "\"string\"").setRequired(true).setDescription("The name."))
                .addAttributes(typed("path", "\"string\"").setComputed(true))
                .addAttributes(typed("id", "\"string\"").setOptional(true).setComputed(true))
                .addAttributes(typed("secret", "[\"map\",\"string\"]")
                        .setOptional(true)
                        .setSensitive(true))
                .addAttributes(
                        typed("old", "[\"list\",\"number\"]").setOptional(true).setDeprecated(true))
                .addAttributes(io.netform.proto.tfplugin6.Schema.Attribute.newBuilder()
                        .setName("ranges")
                        .setOptional(true)
                        .setDeprecated(true)
                        .setNestedType(nestedType(
                                io.netform.proto.tfplugin6.Schema.Object.NestingMode.SET,
                                typed("first", "\"string\"").setRequired(true),
                                typed("last", "\"string\"").setComputed(true).setSensitive(true))))
                .addAttributes(io.netform.proto.tfplugin6.Schema.Attribute.newBuilder()
                        .setName("dhcp")
                        .setRequired(true)
                        .setNestedType(nestedType(
                                io.netform.proto.tfplugin6.Schema.Object.NestingMode.SINGLE,
                                io.netform.proto.tfplugin6.Schema.Attribute.newBuilder()
                                        .setName("servers")
                                        .setOptional(true)
                                        .setNestedType(nestedType(
                                                io.netform.proto.tfplugin6.Schema.Object.NestingMode.LIST,
                                                typed("address", "\"string\"").setRequired(true))),
                                io.netform.proto.tfplugin6.Schema.Attribute.newBuilder()
                                        .setName("options")
                                        .setOptional(true)
                                        .setNestedType(nestedType(
                                                io.netform.proto.tfplugin6.Schema.Object.NestingMode.MAP,
                                                typed("value", "\"string\"").setOptional(true))))))
                .addBlockTypes(nestedBlock("rule", rule, "LIST", 1, 5))
                .addBlockTypes(nestedBlock("tag", rule, "SET", 0, 0))
                .addBlockTypes(nestedBlock("options", rule, "SINGLE", 0, 1))
                .addBlockTypes(nestedBlock("advanced", rule, "GROUP", 0, 0))
                .addBlockTypes(nestedBlock("by_name", rule, "MAP", 2, 0))
                .build();
        Function.Parameter.Builder more = Function.Parameter.newBuilder()
                .setName("more")
                .setType(ByteString.copyFromUtf8("\"dynamic\""))
                .setAllowNullValue(true)
                .setDescription("More ranges.");
        return GetProviderSchema.Response.newBuilder()
                .setProvider(io.netform.proto.tfplugin6.Schema.newBuilder()
                        .setBlock(io.netform.proto.tfplugin6.Schema.Block.newBuilder()
                                .setDescription("The provider.")
                                .addAttributes(typed("host", "\"string\"").setOptional(true))))
                .putResourceSchemas(
                        "nsxt_policy_segment",
                        io.netform.proto.tfplugin6.Schema.newBuilder()
                                .setVersion(2)
                                .setBlock(segment)
                                .build())
                .putDataSourceSchemas(
                        "nsxt_policy_tier0_gateway",
                        io.netform.proto.tfplugin6.Schema.newBuilder()
                                .setBlock(io.netform.proto.tfplugin6.Schema.Block.newBuilder()
                                        .addAttributes(typed("display_name", "\"string\"")
                                                .setRequired(true)))
                                .build())
                .putFunctions(
                        "ip_in_ranges",
                        Function.newBuilder()
                                .addParameters(Function.Parameter.newBuilder()
                                        .setName("address")
                                        .setType(ByteString.copyFromUtf8("\"string\""))
                                        .setDescription("An address."))
                                .addParameters(Function.Parameter.newBuilder()
                                        .setName("ranges")
                                        .setType(ByteString.copyFromUtf8("[\"list\",\"string\"]"))
                                        .setAllowUnknownValues(true))
                                .setVariadicParameter(more)
                                .setReturn(Function.Return.newBuilder().setType(ByteString.copyFromUtf8("\"bool\"")))
                                .setSummary("In ranges")
                                .setDescription("Whether it is.")
                                .setDeprecationMessage("Old.")
                                .build())
                .build();
    }

    private static io.netform.proto.tfplugin6.Schema.Attribute.Builder typed(String name, String typeJson) {
        return io.netform.proto.tfplugin6.Schema.Attribute.newBuilder()
                .setName(name)
                .setType(ByteString.copyFromUtf8(typeJson));
    }

    private static io.netform.proto.tfplugin6.Schema.Object.Builder nestedType(
            io.netform.proto.tfplugin6.Schema.Object.NestingMode nesting,
            io.netform.proto.tfplugin6.Schema.Attribute.Builder... attributes) {
        io.netform.proto.tfplugin6.Schema.Object.Builder object =
                io.netform.proto.tfplugin6.Schema.Object.newBuilder().setNesting(nesting);
        for (io.netform.proto.tfplugin6.Schema.Attribute.Builder attribute : attributes) {
            object.addAttributes(attribute);
        }
        return object;
    }

    private static io.netform.proto.tfplugin6.Schema.NestedBlock nestedBlock(
            String name, io.netform.proto.tfplugin6.Schema.Block block, String nesting, int min, int max) {
        return io.netform.proto.tfplugin6.Schema.NestedBlock.newBuilder()
                .setTypeName(name)
                .setBlock(block)
                .setNesting(io.netform.proto.tfplugin6.Schema.NestedBlock.NestingMode.valueOf(nesting))
                .setMinItems(min)
                .setMaxItems(max)
                .build();
    }

    /** Every object planned or read for a resource has its schema's type: one shared type, not a copy each. */
    @Test
    void aBlockBuildsItsImpliedTypeOnce() {
        assertThat(SEGMENT.impliedType()).isSameAs(SEGMENT.impliedType());
        assertThat(SEGMENT.impliedType())
                .isEqualTo(new SchemaBlock(SEGMENT.attributes(), SEGMENT.blockTypes(), "", false).impliedType());
    }
}
