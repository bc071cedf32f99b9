package io.netform.moduletest;

import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values mocks and overrides give computed attributes: those given (mock defaults, override values), else
 * generated as Terraform generates them: strings of 8 random letters and digits, 0, false, empty collections,
 * objects attribute by attribute.
 */
final class MockValues {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private MockValues() {}

    /** {@code object} with each computed attribute that is null in it unknown, as a plan of a new object has it. */
    static Value unknown(SchemaBlock schema, Value object) {
        Function<SchemaAttribute, Value> unknown = attribute -> Value.unknown(attribute.type());
        return fill(schema, object, unknown, unknown);
    }

    /** {@code object} with each computed attribute that is null or unknown given its default or a generated value. */
    static Value known(SchemaBlock schema, Value object, Value defaults) {
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
