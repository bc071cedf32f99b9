package io.netform.provider;

import io.netform.value.TypeJson;
import java.nio.charset.StandardCharsets;

/** Schemas in tfplugin6's message form, as GetProviderSchema returns them. */
final class WireSchema {

    private WireSchema() {}

    static io.netform.proto.tfplugin6.Schema toProto(Schema schema) {
        return io.netform.proto.tfplugin6.Schema.newBuilder()
                .setVersion(schema.version())
                .setBlock(block(schema.block()).setVersion(schema.version()))
                .build();
    }

    /** A function's signature in tfplugin6's message form, as GetProviderSchema and GetFunctions return it. */
    static io.netform.proto.tfplugin6.Function function(FunctionSignature signature) {
        io.netform.proto.tfplugin6.Function.Builder wire = io.netform.proto.tfplugin6.Function.newBuilder()
                .setReturn(
                        io.netform.proto.tfplugin6.Function.Return.newBuilder().setType(type(signature.returnType())))
                .setSummary(signature.summary())
                .setDescription(signature.description())
                .setDeprecationMessage(signature.deprecationMessage());
        signature.parameters().forEach(p -> wire.addParameters(parameter(p)));
        signature.variadic().ifPresent(p -> wire.setVariadicParameter(parameter(p)));
        return wire.build();
    }

    private static io.netform.proto.tfplugin6.Function.Parameter parameter(FunctionParameter parameter) {
        return io.netform.proto.tfplugin6.Function.Parameter.newBuilder()
                .setName(parameter.name())
                .setType(type(parameter.type()))
                .setAllowNullValue(parameter.allowNull())
                .setAllowUnknownValues(parameter.allowUnknown())
                .setDescription(parameter.description())
                .build();
    }

    private static com.google.protobuf.ByteString type(io.netform.value.Type type) {
        return com.google.protobuf.ByteString.copyFrom(TypeJson.encode(type), StandardCharsets.UTF_8);
    }

    private static io.netform.proto.tfplugin6.Schema.Block.Builder block(SchemaBlock block) {
        io.netform.proto.tfplugin6.Schema.Block.Builder wire =
                io.netform.proto.tfplugin6.Schema.Block.newBuilder().setDescription(block.description());
        block.attributes().forEach(attribute -> wire.addAttributes(attribute(attribute)));
        block.blocks().forEach(nested -> wire.addBlockTypes(nested(nested)));
        return wire;
    }

    private static io.netform.proto.tfplugin6.Schema.Attribute attribute(SchemaAttribute attribute) {
        return io.netform.proto.tfplugin6.Schema.Attribute.newBuilder()
                .setName(attribute.name())
                .setType(type(attribute.type()))
                .setDescription(attribute.description())
                .setRequired(attribute.isRequired())
                .setOptional(attribute.isOptional())
                .setComputed(attribute.isComputed())
                .setSensitive(attribute.isSensitive())
                .build();
    }

    private static io.netform.proto.tfplugin6.Schema.NestedBlock nested(NestedBlock nested) {
        return io.netform.proto.tfplugin6.Schema.NestedBlock.newBuilder()
                .setTypeName(nested.typeName())
                .setBlock(block(nested.block()))
                .setNesting(io.netform.proto.tfplugin6.Schema.NestedBlock.NestingMode.valueOf(
                        nested.nesting().name()))
                .setMinItems(nested.minItems())
                .setMaxItems(nested.maxItems())
                .build();
    }
}
