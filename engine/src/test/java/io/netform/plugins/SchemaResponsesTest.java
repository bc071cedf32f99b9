package io.netform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.Function;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.proto.tfplugin6.Schema;
import io.netform.value.Type;
import io.netform.wire.FunctionParameter;
import io.netform.wire.FunctionSignature;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.ProviderSchema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaResponsesTest {

    private final SchemaResponses decoder = new SchemaResponses("netform/nsxt v0.1.0");

    private static Schema.Attribute.Builder typed(String name, String typeJson) {
        return Schema.Attribute.newBuilder().setName(name).setType(ByteString.copyFromUtf8(typeJson));
    }

    private static Schema.Object.Builder nested(
            Schema.Object.NestingMode nesting, Schema.Attribute.Builder... attributes) {
        Schema.Object.Builder object = Schema.Object.newBuilder().setNesting(nesting);
        for (Schema.Attribute.Builder attribute : attributes) {
            object.addAttributes(attribute);
        }
        return object;
    }

    private static GetProviderSchema.Response withResource(Schema.Block.Builder block) {
        return GetProviderSchema.Response.newBuilder()
                .setProvider(Schema.newBuilder().setBlock(Schema.Block.newBuilder()))
                .putResourceSchemas(
                        "nsxt_policy_segment",
                        Schema.newBuilder().setVersion(1).setBlock(block).build())
                .build();
    }

    @Test
    void attributesKeepTheirTypesFlagsAndDescriptions() {
        ProviderSchema schema = decoder.decode(GetProviderSchema.Response.newBuilder()
                .setProvider(Schema.newBuilder()
                        .setBlock(Schema.Block.newBuilder()
                                .setDescription("NSX Manager connection")
                                .addAttributes(typed("host", "\"string\"")
                                        .setRequired(true)
                                        .setDescription("Manager address"))
                                .addAttributes(typed("password", "\"string\"")
                                        .setOptional(true)
                                        .setSensitive(true))))
                .putResourceSchemas(
                        "nsxt_policy_segment",
                        Schema.newBuilder()
                                .setVersion(3)
                                .setBlock(Schema.Block.newBuilder()
                                        .addAttributes(
                                                typed("path", "\"string\"").setComputed(true))
                                        .addAttributes(typed("subnets", "[\"list\",[\"object\",{\"cidr\":\"string\"}]]")
                                                .setOptional(true)
                                                .setComputed(true))
                                        .addAttributes(
                                                typed("extra", "\"dynamic\"").setOptional(true)))
                                .build())
                .putDataSourceSchemas(
                        "nsxt_policy_tier0_gateway",
                        Schema.newBuilder()
                                .setBlock(Schema.Block.newBuilder()
                                        .addAttributes(typed("display_name", "\"string\"")
                                                .setRequired(true)))
                                .build())
                .build());

        assertThat(schema.provider().block().description()).isEqualTo("NSX Manager connection");
        assertThat(schema.provider().block().attributes().get("host"))
                .isEqualTo(SchemaAttribute.of("host", Type.STRING).required().describedAs("Manager address"));
        assertThat(schema.provider().block().attributes().get("password").isSensitive())
                .isTrue();
        io.netform.wire.Schema segment = schema.resources().get("nsxt_policy_segment");
        assertThat(segment.version()).isEqualTo(3);
        assertThat(segment.block().attributes().get("path").isComputed()).isTrue();
        assertThat(segment.block().attributes().get("subnets").type())
                .isEqualTo(Type.list(Type.object(Map.of("cidr", Type.STRING))));
        assertThat(segment.block().attributes().get("extra").type()).isEqualTo(Type.DYNAMIC);
        assertThat(schema.dataSources().get("nsxt_policy_tier0_gateway").block().attributes())
                .containsOnlyKeys("display_name");
    }

    @Test
    void nestedAttributesBecomeObjectsCollectedByTheirNestingMode() {
        Schema.Attribute.Builder port = typed("port", "\"number\"").setRequired(true);
        ProviderSchema schema = decoder.decode(withResource(Schema.Block.newBuilder()
                .addAttributes(Schema.Attribute.newBuilder()
                        .setName("single")
                        .setOptional(true)
                        .setNestedType(nested(Schema.Object.NestingMode.SINGLE, port)))
                .addAttributes(Schema.Attribute.newBuilder()
                        .setName("listed")
                        .setOptional(true)
                        .setNestedType(nested(
                                Schema.Object.NestingMode.LIST,
                                port,
                                Schema.Attribute.newBuilder()
                                        .setName("inner")
                                        .setNestedType(nested(Schema.Object.NestingMode.MAP, port)))))
                .addAttributes(Schema.Attribute.newBuilder()
                        .setName("unique")
                        .setOptional(true)
                        .setNestedType(nested(Schema.Object.NestingMode.SET, port)))));

        Map<String, SchemaAttribute> attributes =
                schema.resources().get("nsxt_policy_segment").block().attributes();
        Type portObject = Type.object(Map.of("port", Type.NUMBER));
        assertThat(attributes.get("single").type()).isEqualTo(portObject);
        assertThat(attributes.get("listed").type())
                .isEqualTo(Type.list(Type.object(Map.of("port", Type.NUMBER, "inner", Type.map(portObject)))));
        assertThat(attributes.get("unique").type()).isEqualTo(Type.set(portObject));
    }

    @Test
    void nestedBlocksKeepTheirNestingModeAndItemLimits() {
        Schema.Block rule = Schema.Block.newBuilder()
                .addAttributes(typed("action", "\"string\""))
                .build();
        ProviderSchema schema = decoder.decode(withResource(Schema.Block.newBuilder()
                .addBlockTypes(Schema.NestedBlock.newBuilder()
                        .setTypeName("rule")
                        .setBlock(rule)
                        .setNesting(Schema.NestedBlock.NestingMode.LIST)
                        .setMinItems(1)
                        .setMaxItems(10))
                .addBlockTypes(Schema.NestedBlock.newBuilder()
                        .setTypeName("advanced")
                        .setBlock(rule)
                        .setNesting(Schema.NestedBlock.NestingMode.GROUP))
                .addBlockTypes(Schema.NestedBlock.newBuilder()
                        .setTypeName("tag")
                        .setBlock(rule)
                        .setNesting(Schema.NestedBlock.NestingMode.SET))
                .addBlockTypes(Schema.NestedBlock.newBuilder()
                        .setTypeName("by_name")
                        .setBlock(rule)
                        .setNesting(Schema.NestedBlock.NestingMode.MAP))
                .addBlockTypes(Schema.NestedBlock.newBuilder()
                        .setTypeName("options")
                        .setBlock(rule)
                        .setNesting(Schema.NestedBlock.NestingMode.SINGLE)
                        .setMaxItems(1))));

        SchemaBlock block = schema.resources().get("nsxt_policy_segment").block();
        NestedBlock ruleBlock = block.blockTypes().get("rule");
        assertThat(ruleBlock.nesting()).isEqualTo(Nesting.LIST);
        assertThat(ruleBlock.minItems()).isEqualTo(1);
        assertThat(ruleBlock.maxItems()).isEqualTo(10);
        assertThat(block.blockTypes().get("advanced").nesting()).isEqualTo(Nesting.GROUP);
        Type ruleObject = Type.object(Map.of("action", Type.STRING));
        assertThat(block.impliedType())
                .isEqualTo(Type.object(Map.of(
                        "rule", Type.list(ruleObject),
                        "advanced", ruleObject,
                        "tag", Type.set(ruleObject),
                        "by_name", Type.map(ruleObject),
                        "options", ruleObject)));
    }

    @Test
    void anUnreadableTypeIsAnErrorNamingTheProviderAndTheAttribute() {
        assertThatThrownBy(() -> decoder.decode(withResource(Schema.Block.newBuilder()
                        .addBlockTypes(Schema.NestedBlock.newBuilder()
                                .setTypeName("rule")
                                .setNesting(Schema.NestedBlock.NestingMode.LIST)
                                .setBlock(Schema.Block.newBuilder()
                                        .addAttributes(typed("action", "[\"tree\",\"string\"]")))))))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("The provider netform/nsxt v0.1.0 sent a schema Netform cannot read:"
                        + " resource type nsxt_policy_segment, block rule, attribute action: its type"
                        + " [\"tree\",\"string\"] cannot be read");
    }

    @Test
    void anAttributeWithoutAnyTypeOrABlockWithoutNestingIsRejected() {
        assertThatThrownBy(() -> decoder.decode(withResource(Schema.Block.newBuilder()
                        .addAttributes(Schema.Attribute.newBuilder().setName("bare")))))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("attribute bare: it has neither a type nor a nested type");
        assertThatThrownBy(() -> decoder.decode(withResource(Schema.Block.newBuilder()
                        .addBlockTypes(Schema.NestedBlock.newBuilder().setTypeName("rule")))))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("block rule: it has no valid nesting mode");
    }

    @Test
    void errorsReportedInsteadOfASchemaAreThrownWarningsAreNot() {
        Diagnostic warning = Diagnostic.newBuilder()
                .setSeverity(Diagnostic.Severity.WARNING)
                .setSummary("Deprecated provider")
                .build();
        assertThat(decoder.decode(GetProviderSchema.Response.newBuilder()
                                .addDiagnostics(warning)
                                .build())
                        .resources())
                .isEmpty();
        assertThatThrownBy(() -> decoder.decode(GetProviderSchema.Response.newBuilder()
                        .addDiagnostics(warning)
                        .addDiagnostics(Diagnostic.newBuilder()
                                .setSeverity(Diagnostic.Severity.ERROR)
                                .setSummary("License expired")
                                .setDetail("Renew it."))
                        .build()))
                .isInstanceOf(ProviderException.class)
                .hasMessage(
                        "The provider netform/nsxt v0.1.0 could not report its schema:\n  License expired: Renew it.");
    }

    @Test
    void functionsKeepTheirParametersVariadicParameterReturnTypeAndDocumentation() {
        ProviderSchema schema = decoder.decode(GetProviderSchema.Response.newBuilder()
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
                                        .setAllowNullValue(true)
                                        .setAllowUnknownValues(true))
                                .setVariadicParameter(Function.Parameter.newBuilder()
                                        .setName("more")
                                        .setType(ByteString.copyFromUtf8("\"dynamic\"")))
                                .setReturn(Function.Return.newBuilder().setType(ByteString.copyFromUtf8("\"bool\"")))
                                .setSummary("In ranges")
                                .setDescription("Whether it is.")
                                .setDeprecationMessage("Old.")
                                .build())
                .build());

        FunctionSignature f = schema.functions().get("ip_in_ranges");
        assertThat(f.parameters())
                .containsExactly(
                        new FunctionParameter("address", Type.STRING, false, false, "An address."),
                        new FunctionParameter("ranges", Type.list(Type.STRING), true, true, ""));
        assertThat(f.variadic()).hasValue(new FunctionParameter("more", Type.DYNAMIC, false, false, ""));
        assertThat(f.returnType()).isEqualTo(Type.BOOL);
        assertThat(List.of(f.summary(), f.description(), f.deprecationMessage()))
                .containsExactly("In ranges", "Whether it is.", "Old.");
    }

    @Test
    void aFunctionWithoutAReturnTypeIsRejected() {
        assertThatThrownBy(() -> decoder.decode(GetProviderSchema.Response.newBuilder()
                        .putFunctions("broken", Function.newBuilder().build())
                        .build()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("function broken, return type: it has no type");
    }
}
