package io.netform.value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
    static final MessagePack.UnpackerConfig UNPACKER = new MessagePack.UnpackerConfig().withStringDecoderBufferSize(64);

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
            throw new CodecException(
                    AttributePath.root(),
                    "the value is " + value.type().friendlyName() + ", which does not conform to "
                            + type.friendlyName());
        }
        try (MessageBufferPacker packer = PACKER.newBufferPacker()) {
            new MsgpackWriter(packer).write(value, type);
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
            // Without a dynamic part, every value read has exactly the declared type (a schema's case).
            Value value = new Reader(unpacker, !type.hasDynamic()).read(type.withoutOptionalAttributes());
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

    /**
     * One decoding. The path of a problem is put together as its exception leaves each level, so
     * reading a well-formed value makes no path at all.
     */
    private static final class Reader {
        private final MessageUnpacker in;
        /** True when the declared type has nothing dynamic: each value's type is the declared one. */
        private final boolean exact;

        Reader(MessageUnpacker in, boolean exact) {
            this.in = in;
            this.exact = exact;
        }

        Value read(Type type) throws IOException, CodecException {
            MessageFormat format = in.getNextFormat();
            if (format.getValueType() == ValueType.EXTENSION) {
                return readUnknown(type);
            }
            if (type == Type.DYNAMIC) {
                return readDynamic();
            }
            if (format == MessageFormat.NIL) {
                in.unpackNil();
                return Value.nullOf(type);
            }
            if (type == Type.STRING) {
                expect(format, ValueType.STRING, type);
                return readString();
            }
            if (type == Type.NUMBER) {
                return Value.number(readNumber(format));
            }
            if (type == Type.BOOL) {
                expect(format, ValueType.BOOLEAN, type);
                return Value.bool(in.unpackBoolean());
            }
            if (type instanceof Type.ObjectType object) {
                expect(format, ValueType.MAP, type);
                return readObject(object);
            }
            if (type instanceof Type.MapType) {
                expect(format, ValueType.MAP, type);
                return readMap(type);
            }
            expect(format, ValueType.ARRAY, type);
            return readSequence(type);
        }

        /** An ASCII string is already in NFC, and most strings are ASCII. */
        private Value readString() throws IOException {
            byte[] utf8 = in.readPayload(in.unpackRawStringHeader());
            for (byte b : utf8) {
                if (b < 0) {
                    return Value.string(new String(utf8, StandardCharsets.UTF_8));
                }
            }
            return Value.normalizedString(new String(utf8, StandardCharsets.US_ASCII));
        }

        /** As cty reads numbers: ints with 64 bits of precision, floats with 53, text with 512. */
        private BigFloat readNumber(MessageFormat format) throws IOException, CodecException {
            switch (format.getValueType()) {
                case INTEGER:
                    return format == MessageFormat.UINT64
                            ? BigFloat.of(in.unpackBigInteger())
                            : BigFloat.of(in.unpackLong());
                case FLOAT: {
                    double d = in.unpackDouble();
                    if (Double.isNaN(d)) {
                        throw new CodecException(AttributePath.root(), "NaN is not a number");
                    }
                    return BigFloat.of(d);
                }
                case STRING:
                    try {
                        return Conversion.parseNumber(in.unpackString(), AttributePath.root());
                    } catch (ConversionException e) {
                        throw new CodecException(AttributePath.root(), e.reason());
                    }
                default:
                    expect(format, ValueType.INTEGER, Type.NUMBER);
                    throw new IllegalStateException("unreachable");
            }
        }

        private Value readDynamic() throws IOException, CodecException {
            if (in.tryUnpackNil()) {
                return Value.nullOf(Type.DYNAMIC);
            }
            MessageFormat format = in.getNextFormat();
            if (format.getValueType() != ValueType.ARRAY || in.unpackArrayHeader() != 2) {
                throw new CodecException(
                        AttributePath.root(), "a dynamic value is [type JSON, value], a 2-element array");
            }
            byte[] typeJson;
            if (in.getNextFormat().getValueType() == ValueType.BINARY) {
                typeJson = in.readPayload(in.unpackBinaryHeader());
            } else {
                typeJson = in.unpackString().getBytes(StandardCharsets.UTF_8);
            }
            Type type = TypeJson.decode(typeJson);
            return new Reader(in, !type.hasDynamic()).read(type);
        }

        private Value readSequence(Type type) throws IOException, CodecException {
            int size = in.unpackArrayHeader();
            if (type instanceof Type.TupleType t) {
                if (size != t.elementTypes().size()) {
                    throw new CodecException(
                            AttributePath.root(),
                            "a tuple of " + t.elementTypes().size()
                                    + " elements is required, but the msgpack array has " + size);
                }
                List<Value> elements = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    elements.add(element(t.elementTypes().get(i), i));
                }
                return Value.tuple(elements);
            }
            Value[] elements = new Value[size];
            for (int i = 0; i < size; i++) {
                elements[i] = element(type.elementType(), i);
            }
            if (exact && type instanceof Type.ListType) {
                return Value.decoded(type, List.of(elements));
            }
            List<Value> list = Arrays.asList(elements);
            Type element = exact ? type.elementType() : commonType(type.elementType(), list, AttributePath.root());
            return type instanceof Type.ListType ? Value.list(element, list) : Value.set(element, list);
        }

        private Value element(Type type, int index) throws IOException, CodecException {
            try {
                return read(type);
            } catch (CodecException e) {
                throw e.inside(new AttributePath.IntKey(index));
            }
        }

        private Value readObject(Type.ObjectType type) throws IOException, CodecException {
            int size = in.unpackMapHeader();
            TreeMap<String, Value> attributes = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                String name = key();
                Type attribute = type.attributeType(name);
                if (attribute == null) {
                    throw new CodecException(AttributePath.root(), "unsupported attribute " + Value.quote(name));
                }
                try {
                    attributes.put(name, read(attribute));
                } catch (CodecException e) {
                    throw e.inside(new AttributePath.AttributeName(name));
                }
            }
            if (attributes.size() < type.attributeTypes().size()) {
                type.attributeTypes().forEach((name, t) -> attributes.putIfAbsent(name, Value.nullOf(t)));
            }
            return exact
                    ? Value.decoded(type, Collections.unmodifiableSortedMap(attributes))
                    : Value.object(attributes);
        }

        private Value readMap(Type type) throws IOException, CodecException {
            int size = in.unpackMapHeader();
            TreeMap<String, Value> entries = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                String key = key();
                try {
                    entries.put(key, read(type.elementType()));
                } catch (CodecException e) {
                    throw e.inside(new AttributePath.StringKey(key));
                }
            }
            if (exact) {
                return Value.decoded(type, Collections.unmodifiableSortedMap(entries));
            }
            List<Value> values = new ArrayList<>(entries.values());
            Type element = commonType(type.elementType(), values, AttributePath.root());
            int i = 0;
            for (Map.Entry<String, Value> entry : entries.entrySet()) {
                entry.setValue(values.get(i++));
            }
            return Value.map(element, entries);
        }

        private String key() throws IOException, CodecException {
            if (in.getNextFormat().getValueType() != ValueType.STRING) {
                throw new CodecException(AttributePath.root(), "map keys and attribute names must be strings");
            }
            return in.unpackString();
        }

        private Value readUnknown(Type type) throws IOException {
            var header = in.unpackExtensionTypeHeader();
            byte[] payload = in.readPayload(header.getLength());
            if (header.getType() != REFINED_UNKNOWN_EXTENSION || type == Type.DYNAMIC) {
                return Value.unknown(type);
            }
            return Value.unknown(type, MsgpackRefinements.read(payload).restrictedTo(type));
        }

        private static void expect(MessageFormat format, ValueType wanted, Type type) throws CodecException {
            if (format.getValueType() != wanted) {
                throw new CodecException(
                        AttributePath.root(),
                        TypeMismatch.required(type) + ", but the msgpack data holds "
                                + format.getValueType().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * Elements decoded against a dynamic element type carry their own types; a collection needs one,
     * so they are unified (each element list is updated in place).
     */
    static Type commonType(Type declared, List<Value> elements, AttributePath path) throws CodecException {
        if (elements.isEmpty()) {
            return declared;
        }
        Type first = elements.get(0).type();
        boolean alike = true;
        for (Value element : elements) {
            alike &= element.type().equals(first);
        }
        if (alike) {
            return first;
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
}
