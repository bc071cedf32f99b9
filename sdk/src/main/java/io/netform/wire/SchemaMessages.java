package io.netform.wire;

import com.google.protobuf.ByteString;
import io.netform.proto.tfplugin6.Function;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.value.CodecException;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schemas and function signatures in tfplugin6's message form and back: what a provider sends in
 * GetProviderSchema and GetFunctions, and what the host reads from it. Types go as cty's type JSON;
 * the provider framework's own settings (force-new, defaults) do not go at all.
 */
public final class SchemaMessages {

    private SchemaMessages() {}

    /** The schemas and functions of a GetProviderSchema response; diagnostics and capabilities are the caller's. */
    public static GetProviderSchema.Response.Builder encode(ProviderSchema schema) {
        GetProviderSchema.Response.Builder wire =
                GetProviderSchema.Response.newBuilder().setProvider(encode(schema.provider()));
        schema.resources().forEach((name, resource) -> wire.putResourceSchemas(name, encode(resource)));
        schema.dataSources().forEach((name, source) -> wire.putDataSourceSchemas(name, encode(source)));
        schema.functions().forEach((name, function) -> wire.putFunctions(name, encode(function)));
        return wire;
    }

    /**
     * The schemas and functions of a GetProviderSchema response, whatever its diagnostics say.
     *
     * @throws InvalidSchemaException when a schema or signature in it cannot be read
     */
    public static ProviderSchema decode(GetProviderSchema.Response response) {
        return new ProviderSchema(
                decode(response.getProvider(), "the provider configuration"),
                schemas(response.getResourceSchemasMap(), "resource type "),
                schemas(response.getDataSourceSchemasMap(), "data source "),
                decodeFunctions(response.getFunctionsMap()));
    }

    public static io.netform.proto.tfplugin6.Schema encode(Schema schema) {
        return io.netform.proto.tfplugin6.Schema.newBuilder()
                .setVersion(schema.version())
                .setBlock(block(schema.block()).setVersion(schema.version()))
                .build();
    }

    /**
     * The schema of one block type; the root block's own version field is not read, as Terraform
     * does not read it.
     *
     * @param where names the schema in an error, e.g. "resource type nsxt_policy_segment"
     * @throws InvalidSchemaException when it cannot be read
     */
    public static Schema decode(io.netform.proto.tfplugin6.Schema schema, String where) {
        return new Schema(schema.getVersion(), block(schema.getBlock(), where));
    }

    public static Function encode(FunctionSignature signature) {
        Function.Builder wire = Function.newBuilder()
                .setReturn(Function.Return.newBuilder().setType(type(signature.returnType())))
                .setSummary(signature.summary())
                .setDescription(signature.description())
                .setDeprecationMessage(signature.deprecationMessage());
        signature.parameters().forEach(p -> wire.addParameters(parameter(p)));
        signature.variadic().ifPresent(p -> wire.setVariadicParameter(parameter(p)));
        return wire.build();
    }

    /**
     * The signatures of a provider's functions by name, as GetProviderSchema and GetFunctions send them.
     *
     * @throws InvalidSchemaException when one cannot be read
     */
    public static Map<String, FunctionSignature> decodeFunctions(Map<String, Function> functions) {
        Map<String, FunctionSignature> decoded = new LinkedHashMap<>();
        functions.forEach((name, function) -> decoded.put(name, decode(function, "function " + name)));
        return decoded;
    }

    /**
     * One function's signature.
     *
     * @throws InvalidSchemaException when it cannot be read
     */
    public static FunctionSignature decode(Function function, String where) {
        List<FunctionParameter> parameters = new ArrayList<>();
        for (Function.Parameter p : function.getParametersList()) {
            parameters.add(parameter(p, where));
        }
        Optional<FunctionParameter> variadic = function.hasVariadicParameter()
                ? Optional.of(parameter(function.getVariadicParameter(), where))
                : Optional.empty();
        return new FunctionSignature(
                parameters,
                variadic,
                type(function.getReturn().getType(), where + ", return type"),
                function.getSummary(),
                function.getDescription(),
                function.getDeprecationMessage());
    }

    private static Function.Parameter parameter(FunctionParameter parameter) {
        return Function.Parameter.newBuilder()
                .setName(parameter.name())
                .setType(type(parameter.type()))
                .setAllowNullValue(parameter.allowNull())
                .setAllowUnknownValues(parameter.allowUnknown())
                .setDescription(parameter.description())
                .build();
    }

    private static FunctionParameter parameter(Function.Parameter p, String where) {
        return new FunctionParameter(
                p.getName(),
                type(p.getType(), where + ", parameter " + p.getName()),
                p.getAllowNullValue(),
                p.getAllowUnknownValues(),
                p.getDescription());
    }

    private static Map<String, Schema> schemas(Map<String, io.netform.proto.tfplugin6.Schema> schemas, String kind) {
        Map<String, Schema> decoded = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> decoded.put(name, decode(schema, kind + name)));
        return decoded;
    }

    private static io.netform.proto.tfplugin6.Schema.Block.Builder block(SchemaBlock block) {
        io.netform.proto.tfplugin6.Schema.Block.Builder wire = io.netform.proto.tfplugin6.Schema.Block.newBuilder()
                .setDescription(block.description())
                .setDeprecated(block.isDeprecated());
        block.attributes().values().forEach(attribute -> wire.addAttributes(attribute(attribute)));
        block.blockTypes().values().forEach(nested -> wire.addBlockTypes(nestedBlock(nested)));
        return wire;
    }

    private static SchemaBlock block(io.netform.proto.tfplugin6.Schema.Block block, String where) {
        List<SchemaAttribute> attributes = new ArrayList<>();
        for (io.netform.proto.tfplugin6.Schema.Attribute attribute : block.getAttributesList()) {
            attributes.add(attribute(attribute, where));
        }
        List<NestedBlock> blockTypes = new ArrayList<>();
        for (io.netform.proto.tfplugin6.Schema.NestedBlock nested : block.getBlockTypesList()) {
            blockTypes.add(nestedBlock(nested, where));
        }
        try {
            SchemaBlock decoded = new SchemaBlock(attributes, blockTypes, block.getDescription());
            return block.getDeprecated() ? decoded.deprecated() : decoded;
        } catch (IllegalArgumentException e) {
            throw new InvalidSchemaException(where, e.getMessage());
        }
    }

    private static io.netform.proto.tfplugin6.Schema.Attribute attribute(SchemaAttribute attribute) {
        io.netform.proto.tfplugin6.Schema.Attribute.Builder wire =
                io.netform.proto.tfplugin6.Schema.Attribute.newBuilder()
                        .setName(attribute.name())
                        .setDescription(attribute.description())
                        .setRequired(attribute.isRequired())
                        .setOptional(attribute.isOptional())
                        .setComputed(attribute.isComputed())
                        .setSensitive(attribute.isSensitive())
                        .setDeprecated(attribute.isDeprecated());
        attribute
                .nestedType()
                .ifPresentOrElse(
                        nested -> wire.setNestedType(nestedType(nested)), () -> wire.setType(type(attribute.type())));
        return wire.build();
    }

    private static SchemaAttribute attribute(io.netform.proto.tfplugin6.Schema.Attribute attribute, String where) {
        String path = where + ", attribute " + attribute.getName();
        Optional<NestedAttributes> nested = Optional.empty();
        Type type;
        if (attribute.hasNestedType()) {
            nested = Optional.of(nestedType(attribute.getNestedType(), path));
            type = nested.get().impliedType();
        } else if (attribute.getType().isEmpty()) {
            throw new InvalidSchemaException(path, "it has neither a type nor a nested type");
        } else {
            type = type(attribute.getType(), path);
        }
        return new SchemaAttribute(
                attribute.getName(),
                type,
                nested,
                attribute.getRequired(),
                attribute.getOptional(),
                attribute.getComputed(),
                attribute.getSensitive(),
                attribute.getDeprecated(),
                attribute.getDescription(),
                false,
                null);
    }

    private static io.netform.proto.tfplugin6.Schema.Object nestedType(NestedAttributes nested) {
        io.netform.proto.tfplugin6.Schema.Object.Builder wire = io.netform.proto.tfplugin6.Schema.Object.newBuilder()
                .setNesting(io.netform.proto.tfplugin6.Schema.Object.NestingMode.valueOf(
                        nested.nesting().name()));
        nested.attributes().values().forEach(attribute -> wire.addAttributes(attribute(attribute)));
        return wire.build();
    }

    /** A nested type; its deprecated min_items and max_items are not read, as Terraform does not read them. */
    private static NestedAttributes nestedType(io.netform.proto.tfplugin6.Schema.Object object, String path) {
        Nesting nesting = switch (object.getNesting()) {
            case SINGLE -> Nesting.SINGLE;
            case LIST -> Nesting.LIST;
            case SET -> Nesting.SET;
            case MAP -> Nesting.MAP;
            case INVALID, UNRECOGNIZED ->
                throw new InvalidSchemaException(path, "its nested type has no valid nesting mode");
        };
        List<SchemaAttribute> attributes = new ArrayList<>();
        for (io.netform.proto.tfplugin6.Schema.Attribute attribute : object.getAttributesList()) {
            attributes.add(attribute(attribute, path));
        }
        try {
            return NestedAttributes.of(nesting, attributes);
        } catch (IllegalArgumentException e) {
            throw new InvalidSchemaException(path, e.getMessage());
        }
    }

    private static io.netform.proto.tfplugin6.Schema.NestedBlock nestedBlock(NestedBlock nested) {
        return io.netform.proto.tfplugin6.Schema.NestedBlock.newBuilder()
                .setTypeName(nested.typeName())
                .setBlock(block(nested.block()))
                .setNesting(io.netform.proto.tfplugin6.Schema.NestedBlock.NestingMode.valueOf(
                        nested.nesting().name()))
                .setMinItems(nested.minItems())
                .setMaxItems(nested.maxItems())
                .build();
    }

    private static NestedBlock nestedBlock(io.netform.proto.tfplugin6.Schema.NestedBlock nested, String where) {
        String path = where + ", block " + nested.getTypeName();
        Nesting nesting = switch (nested.getNesting()) {
            case SINGLE -> Nesting.SINGLE;
            case GROUP -> Nesting.GROUP;
            case LIST -> Nesting.LIST;
            case SET -> Nesting.SET;
            case MAP -> Nesting.MAP;
            case INVALID, UNRECOGNIZED -> throw new InvalidSchemaException(path, "it has no valid nesting mode");
        };
        SchemaBlock block = block(nested.getBlock(), path);
        try {
            return new NestedBlock(
                    nested.getTypeName(),
                    nesting,
                    block,
                    itemLimit(nested.getMinItems()),
                    itemLimit(nested.getMaxItems()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSchemaException(where, e.getMessage());
        }
    }

    private static int itemLimit(long limit) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, limit));
    }

    private static ByteString type(Type type) {
        return ByteString.copyFrom(TypeJson.encode(type), StandardCharsets.UTF_8);
    }

    private static Type type(ByteString json, String path) {
        if (json.isEmpty()) {
            throw new InvalidSchemaException(path, "it has no type");
        }
        try {
            return TypeJson.decode(json.toByteArray());
        } catch (CodecException e) {
            throw new InvalidSchemaException(
                    path, "its type " + json.toStringUtf8() + " cannot be read: " + e.getMessage());
        }
    }
}
