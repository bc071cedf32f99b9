package io.netform.moduletest;

import io.netform.config.TestFile;
import io.netform.plugins.ProviderClient;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.FunctionSignature;
import io.netform.wire.NestedBlock;
import io.netform.wire.ProviderDiagnostic;
import io.netform.wire.ProviderSchema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A provider as Terraform's {@code mock_provider} makes it: its real schema, no configuration, objects kept as
 * planned, and computed attributes unknown in the plan and, once applied or read, the {@code defaults} of the
 * mock_resource or mock_data block for their type, else generated as Terraform generates them: strings of 8
 * random letters and digits, 0, false, empty collections, objects attribute by attribute.
 */
final class MockProvider implements ProviderClient {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProviderClient real;
    private final TestFile.MockProvider mock;

    MockProvider(ProviderClient real, TestFile.MockProvider mock) {
        this.real = real;
        this.mock = mock;
    }

    @Override
    public ProviderSchema schema() {
        return real.schema();
    }

    @Override
    public List<ProviderDiagnostic> validateProviderConfig(Value config) {
        return List.of();
    }

    @Override
    public List<ProviderDiagnostic> configure(Value config, String netformVersion) {
        return List.of();
    }

    @Override
    public List<ProviderDiagnostic> validateResourceConfig(String type, Value config) {
        return List.of();
    }

    @Override
    public List<ProviderDiagnostic> validateDataResourceConfig(String type, Value config) {
        return List.of();
    }

    @Override
    public Response<Value> upgradeResourceState(String type, long version, byte[] json) {
        return real.upgradeResourceState(type, version, json);
    }

    @Override
    public Response<ReadResult> readResource(String type, Value current, byte[] privateData) {
        return new Response<>(new ReadResult(current, privateData), List.of());
    }

    @Override
    public Response<PlannedObject> planResourceChange(
            String type, Value prior, Value proposed, Value config, byte[] priorPrivate) {
        if (proposed.isNull()) {
            return new Response<>(new PlannedObject(proposed, List.of(), new byte[0]), List.of());
        }
        SchemaBlock schema = schema().resources().get(type).block();
        Function<SchemaAttribute, Value> unknown = attribute -> Value.unknown(attribute.type());
        Value planned = prior.isNull() ? fill(schema, proposed, unknown, unknown) : proposed;
        return new Response<>(new PlannedObject(planned, List.of(), new byte[0]), List.of());
    }

    @Override
    public Response<AppliedObject> applyResourceChange(
            String type, Value prior, Value planned, Value config, byte[] plannedPrivate) {
        if (planned.isNull()) {
            return new Response<>(new AppliedObject(planned, new byte[0]), List.of());
        }
        SchemaBlock schema = schema().resources().get(type).block();
        Value defaults = mock.resourceDefaults().getOrDefault(type, Value.object(Map.of()));
        return new Response<>(new AppliedObject(known(schema, planned, defaults), new byte[0]), List.of());
    }

    @Override
    public Response<List<ImportedObject>> importResourceState(String type, String id) {
        return new Response<>(
                null,
                List.of(ProviderDiagnostic.error(
                        "Import of a mocked provider", "A provider mocked by mock_provider cannot import objects.")));
    }

    @Override
    public Response<Value> readDataSource(String type, Value config) {
        SchemaBlock schema = schema().dataSources().get(type).block();
        Value defaults = mock.dataDefaults().getOrDefault(type, Value.object(Map.of()));
        return new Response<>(known(schema, config, defaults), List.of());
    }

    @Override
    public Map<String, FunctionSignature> functions() {
        return real.functions();
    }

    @Override
    public FunctionResult callFunction(String name, List<Value> arguments) {
        return real.callFunction(name, arguments);
    }

    @Override
    public void stop() {}

    @Override
    public void close() {
        real.close();
    }

    /** {@code object} with each computed attribute that is null or unknown given its default or a generated value. */
    private static Value known(SchemaBlock schema, Value object, Value defaults) {
        return fill(
                schema,
                object,
                attribute -> {
                    if (defaults.hasAttribute(attribute.name())) {
                        try {
                            return Conversion.convert(defaults.getAttr(attribute.name()), attribute.type());
                        } catch (ConversionException e) {
                            // a default of the wrong type is generated like any other
                        }
                    }
                    return generated(attribute.type());
                },
                attribute -> generated(attribute.type()));
    }

    /**
     * {@code object} with each computed attribute that is null or unknown replaced by {@code value}, and those of
     * its nested blocks by {@code nestedValue} (defaults name top-level attributes only).
     */
    private static Value fill(
            SchemaBlock schema,
            Value object,
            Function<SchemaAttribute, Value> value,
            Function<SchemaAttribute, Value> nestedValue) {
        if (object.isNull() || !object.isKnown()) {
            return object;
        }
        Map<String, Value> replaced = new LinkedHashMap<>();
        for (SchemaAttribute attribute : schema.attributes().values()) {
            Value current = object.getAttr(attribute.name());
            if (attribute.isComputed() && (current.isNull() || !current.isKnown())) {
                replaced.put(attribute.name(), value.apply(attribute));
            }
        }
        for (NestedBlock nested : schema.blockTypes().values()) {
            Value blocks = object.getAttr(nested.typeName());
            if (blocks.isNull() || !blocks.isKnown()) {
                continue;
            }
            Function<Value, Value> inner = b -> fill(nested.block(), b, nestedValue, nestedValue);
            Type type = blocks.type();
            if (type instanceof Type.ListType l) {
                replaced.put(nested.typeName(), Value.list(l.elementType(), map(blocks.elements(), inner)));
            } else if (type instanceof Type.SetType s) {
                replaced.put(nested.typeName(), Value.set(s.elementType(), map(blocks.elements(), inner)));
            } else if (type instanceof Type.ObjectType) {
                replaced.put(nested.typeName(), inner.apply(blocks));
            }
        }
        return replaced.isEmpty() ? object : object.withAttributes(replaced);
    }

    private static List<Value> map(List<Value> values, Function<Value, Value> f) {
        List<Value> out = new ArrayList<>();
        values.forEach(v -> out.add(f.apply(v)));
        return out;
    }

    /** A value of {@code type} as Terraform's mocks generate one. */
    static Value generated(Type type) {
        if (type == Type.STRING) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                s.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
            }
            return Value.string(s.toString());
        }
        if (type == Type.NUMBER) {
            return Value.number(0);
        }
        if (type == Type.BOOL) {
            return Value.bool(false);
        }
        if (type instanceof Type.ListType l) {
            return Value.list(l.elementType(), List.of());
        }
        if (type instanceof Type.SetType s) {
            return Value.set(s.elementType(), List.of());
        }
        if (type instanceof Type.MapType m) {
            return Value.map(m.elementType(), Map.of());
        }
        if (type instanceof Type.ObjectType o) {
            Map<String, Value> attributes = new LinkedHashMap<>();
            o.attributeTypes().forEach((name, t) -> attributes.put(name, generated(t)));
            return Value.object(attributes);
        }
        return Value.nullOf(type);
    }
}
