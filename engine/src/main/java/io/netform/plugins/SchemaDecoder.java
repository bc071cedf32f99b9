package io.netform.plugins;

import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.Function;
import io.netform.proto.tfplugin6.GetFunctions;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.proto.tfplugin6.Schema;
import io.netform.value.CodecException;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a tfplugin6 GetProviderSchema response into the engine's schema model: attribute types
 * from their type JSON, {@code nested_type} attributes into object collections, nested blocks with
 * their nesting mode and item limits.
 */
final class SchemaDecoder {

    private final String provider;

    /** @param provider the provider's name, for messages about a schema that cannot be read */
    SchemaDecoder(String provider) {
        this.provider = provider;
    }

    /**
     * Decodes the whole response.
     *
     * @throws ProviderException when the provider reported errors or sent a schema that cannot be read
     */
    ProviderSchema decode(GetProviderSchema.Response response) {
        requireNoErrors(response.getDiagnosticsList(), "its schema");
        return new ProviderSchema(
                block(response.getProvider().getBlock(), "the provider configuration"),
                schemas(response.getResourceSchemasMap(), "resource type "),
                schemas(response.getDataSourceSchemasMap(), "data source "),
                functions(response.getFunctionsMap()));
    }

    /**
     * Decodes a GetFunctions response: the provider's functions, by name.
     *
     * @throws ProviderException when the provider reported errors or sent a signature that cannot be read
     */
    Map<String, FunctionSignature> decodeFunctions(GetFunctions.Response response) {
        requireNoErrors(response.getDiagnosticsList(), "its functions");
        return functions(response.getFunctionsMap());
    }

    private void requireNoErrors(List<Diagnostic> diagnostics, String what) {
        String errors = diagnostics.stream()
                .filter(d -> d.getSeverity() != Diagnostic.Severity.WARNING)
                .map(d -> d.getDetail().isEmpty() ? d.getSummary() : d.getSummary() + ": " + d.getDetail())
                .collect(Collectors.joining("\n  "));
        if (!errors.isEmpty()) {
            throw new ProviderException("The provider " + provider + " could not report " + what + ":\n  " + errors);
        }
    }

    /** The signatures of a provider's functions, from GetProviderSchema or GetFunctions. */
    private Map<String, FunctionSignature> functions(Map<String, Function> functions) {
        Map<String, FunctionSignature> decoded = new LinkedHashMap<>();
        functions.forEach((name, f) -> {
            String where = "function " + name;
            List<FunctionSignature.Parameter> parameters = new ArrayList<>();
            for (Function.Parameter p : f.getParametersList()) {
                parameters.add(parameter(p, where));
            }
            Optional<FunctionSignature.Parameter> variadic = f.hasVariadicParameter()
                    ? Optional.of(parameter(f.getVariadicParameter(), where))
                    : Optional.empty();
            decoded.put(
                    name,
                    new FunctionSignature(
                            parameters,
                            variadic,
                            type(f.getReturn().getType(), where + ", return type"),
                            f.getSummary(),
                            f.getDescription(),
                            f.getDeprecationMessage()));
        });
        return decoded;
    }

    private FunctionSignature.Parameter parameter(Function.Parameter p, String where) {
        return new FunctionSignature.Parameter(
                p.getName(),
                type(p.getType(), where + ", parameter " + p.getName()),
                p.getAllowNullValue(),
                p.getAllowUnknownValues(),
                p.getDescription());
    }

    private Type type(com.google.protobuf.ByteString json, String path) {
        if (json.isEmpty()) {
            throw invalid(path, "it has no type");
        }
        try {
            return TypeJson.decode(json.toByteArray());
        } catch (CodecException e) {
            throw invalid(path, "its type " + json.toStringUtf8() + " cannot be read: " + e.getMessage());
        }
    }

    private Map<String, ProviderSchema.ResourceSchema> schemas(Map<String, Schema> schemas, String kind) {
        Map<String, ProviderSchema.ResourceSchema> decoded = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> decoded.put(
                name, new ProviderSchema.ResourceSchema(schema.getVersion(), block(schema.getBlock(), kind + name))));
        return decoded;
    }

    private BlockSchema block(Schema.Block block, String where) {
        Map<String, AttributeSchema> attributes = new LinkedHashMap<>();
        for (Schema.Attribute attribute : block.getAttributesList()) {
            attributes.put(attribute.getName(), attribute(attribute, where));
        }
        Map<String, NestedBlockSchema> blockTypes = new LinkedHashMap<>();
        for (Schema.NestedBlock nested : block.getBlockTypesList()) {
            blockTypes.put(nested.getTypeName(), nestedBlock(nested, where));
        }
        return new BlockSchema(attributes, blockTypes, block.getDescription());
    }

    private AttributeSchema attribute(Schema.Attribute attribute, String where) {
        return new AttributeSchema(
                attribute.getName(),
                attributeType(attribute, where),
                attribute.getDescription(),
                attribute.getRequired(),
                attribute.getOptional(),
                attribute.getComputed(),
                attribute.getSensitive());
    }

    private Type attributeType(Schema.Attribute attribute, String where) {
        String path = where + ", attribute " + attribute.getName();
        if (attribute.hasNestedType()) {
            return nestedType(attribute.getNestedType(), path);
        }
        if (attribute.getType().isEmpty()) {
            throw invalid(path, "it has neither a type nor a nested type");
        }
        return type(attribute.getType(), path);
    }

    /** A nested attribute's object type, collected the way its nesting mode says. */
    private Type nestedType(Schema.Object object, String path) {
        Map<String, Type> attributes = new LinkedHashMap<>();
        for (Schema.Attribute attribute : object.getAttributesList()) {
            attributes.put(attribute.getName(), attributeType(attribute, path));
        }
        Type type = Type.object(attributes);
        return switch (object.getNesting()) {
            case SINGLE -> type;
            case LIST -> Type.list(type);
            case SET -> Type.set(type);
            case MAP -> Type.map(type);
            case INVALID, UNRECOGNIZED -> throw invalid(path, "its nested type has no valid nesting mode");
        };
    }

    private NestedBlockSchema nestedBlock(Schema.NestedBlock nested, String where) {
        String path = where + ", block " + nested.getTypeName();
        NestedBlockSchema.Nesting nesting = switch (nested.getNesting()) {
            case SINGLE -> NestedBlockSchema.Nesting.SINGLE;
            case GROUP -> NestedBlockSchema.Nesting.GROUP;
            case LIST -> NestedBlockSchema.Nesting.LIST;
            case SET -> NestedBlockSchema.Nesting.SET;
            case MAP -> NestedBlockSchema.Nesting.MAP;
            case INVALID, UNRECOGNIZED -> throw invalid(path, "it has no valid nesting mode");
        };
        return new NestedBlockSchema(
                nested.getTypeName(),
                block(nested.getBlock(), path),
                nesting,
                itemLimit(nested.getMinItems()),
                itemLimit(nested.getMaxItems()));
    }

    private static int itemLimit(long limit) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, limit));
    }

    private ProviderException invalid(String path, String problem) {
        return new ProviderException("The provider " + provider + " sent a schema Netform cannot read: " + path + ": "
                + problem + ". This is a bug in the provider.");
    }
}
