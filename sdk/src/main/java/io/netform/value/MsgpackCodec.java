package io.netform.value;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * The plugin protocol's msgpack encoding of a value against a type (DynamicValue.msgpack): nil for
 * null, extension 0 for unknown, extension 12 for a refined unknown, {@code [type JSON, value]}
 * where the type is dynamic, and numbers as int, float64 or decimal string, whichever is exact.
 */
public final class MsgpackCodec {

    /**
     * An unpacker allocates its string-decoding buffer (8,192 chars by default) on the first string;
     * reading from an array it always takes the direct path, so a small one saves 16 KB per value.
     */
    static final MessagePack.UnpackerConfig UNPACKER =
            new MessagePack.UnpackerConfig().withStringDecoderBufferSize(64);

    /**
     * A packer writes into chunks of its buffer size (8 KB by default) and copies them out at the end;
     * most values are a few hundred bytes, and one is encoded for every value of every plugin call.
     */
    static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withBufferSize(1024);

    static final byte UNKNOWN_EXTENSION = 0;
    static final byte REFINED_UNKNOWN_EXTENSION = 12;

    private MsgpackCodec() {}

    /**
     * Encodes {@code value}, whose type must conform to {@code type} (convert it first otherwise).
     *
     * @throws CodecException if the value does not conform or carries marks anywhere
     */
    public static byte[] encode(Value value, Type type) throws CodecException {
        if (!value.type().conformsTo(type)) {
            throw new CodecException(AttributePath.root(), "the value is " + value.type().friendlyName()
                    + ", which does not conform to " + type.friendlyName());
        }
        try (MessageBufferPacker packer = PACKER.newBufferPacker()) {
            new MsgpackWriter(packer).write(value, type, AttributePath.root());
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /**
     * Decodes a value of {@code type}. Any extension is read as an unknown; refinement keys that do
     * not apply are ignored.
     *
     * @throws CodecException naming the path when the data is malformed or does not fit the type
     */
    public static Value decode(byte[] msgpack, Type type) throws CodecException {
        try (MessageUnpacker unpacker = UNPACKER.newUnpacker(msgpack)) {
            Value value = read(unpacker, type, AttributePath.root());
            if (unpacker.hasNext()) {
                throw new CodecException(AttributePath.root(), "unexpected data after the value");
            }
            return value;
        } catch (MessageInsufficientBufferException e) {
            throw new CodecException(AttributePath.root(), "the msgpack data ends before the value does", e);
        } catch (IOException | MessagePackException e) {
            throw new CodecException(AttributePath.root(), "the msgpack data is malformed", e);
        }
    }

    private static Value read(MessageUnpacker in, Type type, AttributePath path)
            throws IOException, CodecException {
        MessageFormat format = in.getNextFormat();
        if (format.getValueType() == ValueType.EXTENSION) {
            return readUnknown(in, type);
        }
        if (type == Type.DYNAMIC) {
            return readDynamic(in, path);
        }
        if (format == MessageFormat.NIL) {
            in.unpackNil();
            return Value.nullOf(type);
        }
        if (type == Type.STRING) {
            expect(format, ValueType.STRING, type, path);
            return Value.string(in.unpackString());
        }
        if (type == Type.NUMBER) {
            return Value.number(readNumber(in, path));
        }
        if (type == Type.BOOL) {
            expect(format, ValueType.BOOLEAN, type, path);
            return Value.bool(in.unpackBoolean());
        }
        if (type instanceof Type.MapType || type instanceof Type.ObjectType) {
            expect(format, ValueType.MAP, type, path);
            return readKeyed(in, type, path);
        }
        expect(format, ValueType.ARRAY, type, path);
        return readSequence(in, type, path);
    }

    private static void expect(MessageFormat format, ValueType wanted, Type type, AttributePath path)
            throws CodecException {
        if (format.getValueType() != wanted) {
            throw new CodecException(path, TypeMismatch.required(type) + ", but the msgpack data holds "
                    + format.getValueType().name().toLowerCase(Locale.ROOT));
        }
    }

    private static BigDecimal readNumber(MessageUnpacker in, AttributePath path)
            throws IOException, CodecException {
        MessageFormat format = in.getNextFormat();
        switch (format.getValueType()) {
            case INTEGER:
                return new BigDecimal(in.unpackBigInteger());
            case FLOAT: {
                double d = in.unpackDouble();
                if (!Double.isFinite(d)) {
                    throw new CodecException(path, "infinite and NaN numbers are not supported");
                }
                return new BigDecimal(d);
            }
            case STRING:
                try {
                    return Conversion.parseNumber(in.unpackString(), path);
                } catch (ConversionException e) {
                    throw new CodecException(path, e.reason());
                }
            default:
                expect(format, ValueType.INTEGER, Type.NUMBER, path);
                throw new IllegalStateException("unreachable");
        }
    }

    private static Value readDynamic(MessageUnpacker in, AttributePath path)
            throws IOException, CodecException {
        if (in.tryUnpackNil()) {
            return Value.nullOf(Type.DYNAMIC);
        }
        MessageFormat format = in.getNextFormat();
        if (format.getValueType() != ValueType.ARRAY || in.unpackArrayHeader() != 2) {
            throw new CodecException(path, "a dynamic value is [type JSON, value], a 2-element array");
        }
        byte[] typeJson;
        if (in.getNextFormat().getValueType() == ValueType.BINARY) {
            typeJson = in.readPayload(in.unpackBinaryHeader());
        } else {
            typeJson = in.unpackString().getBytes(StandardCharsets.UTF_8);
        }
        Type type;
        try {
            type = TypeJson.decode(typeJson);
        } catch (CodecException e) {
            throw new CodecException(path, e.reason());
        }
        return read(in, type, path);
    }

    private static Value readSequence(MessageUnpacker in, Type type, AttributePath path)
            throws IOException, CodecException {
        int size = in.unpackArrayHeader();
        if (type instanceof Type.TupleType t) {
            if (size != t.elementTypes().size()) {
                throw new CodecException(path, "a tuple of " + t.elementTypes().size()
                        + " elements is required, but the msgpack array has " + size);
            }
            List<Value> elements = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                elements.add(read(in, t.elementTypes().get(i), path.index(i)));
            }
            return Value.tuple(elements);
        }
        List<Value> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(read(in, type.elementType(), path.index(i)));
        }
        Type element = commonType(type.elementType(), elements, path);
        return type instanceof Type.ListType ? Value.list(element, elements) : Value.set(element, elements);
    }

    private static Value readKeyed(MessageUnpacker in, Type type, AttributePath path)
            throws IOException, CodecException {
        int size = in.unpackMapHeader();
        Map<String, Value> entries = new LinkedHashMap<>();
        Type.ObjectType object = type instanceof Type.ObjectType o ? o : null;
        for (int i = 0; i < size; i++) {
            if (in.getNextFormat().getValueType() != ValueType.STRING) {
                throw new CodecException(path, "map keys and attribute names must be strings");
            }
            String key = in.unpackString();
            Type element = object != null ? object.attributeType(key) : type.elementType();
            if (element == null) {
                throw new CodecException(path, "unsupported attribute " + Value.quote(key));
            }
            entries.put(key, read(in, element, object != null ? path.attr(key) : path.key(key)));
        }
        if (object == null) {
            List<Value> values = new ArrayList<>(entries.values());
            Type element = commonType(type.elementType(), values, path);
            int i = 0;
            for (String key : entries.keySet()) {
                entries.put(key, values.get(i++));
            }
            return Value.map(element, entries);
        }
        object.attributeTypes().forEach((name, t) -> entries.putIfAbsent(name, Value.nullOf(t)));
        return Value.object(entries);
    }

    /**
     * Elements decoded against a dynamic element type carry their own types; a collection needs one,
     * so they are unified (each element list is updated in place).
     */
    static Type commonType(Type declared, List<Value> elements, AttributePath path)
            throws CodecException {
        if (elements.stream().map(Value::type).distinct().count() <= 1) {
            return elements.isEmpty() ? declared : elements.get(0).type();
        }
        try {
            List<Value> unified = Unification.unifyValues(elements);
            for (int i = 0; i < elements.size(); i++) {
                elements.set(i, unified.get(i));
            }
            return unified.get(0).type();
        } catch (ConversionException e) {
            throw new CodecException(path, e.reason());
        }
    }

    private static Value readUnknown(MessageUnpacker in, Type type) throws IOException {
        var header = in.unpackExtensionTypeHeader();
        byte[] payload = in.readPayload(header.getLength());
        if (header.getType() != REFINED_UNKNOWN_EXTENSION || type == Type.DYNAMIC) {
            return Value.unknown(type);
        }
        return Value.unknown(type, MsgpackRefinements.read(payload).restrictedTo(type));
    }
}
