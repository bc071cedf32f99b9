package io.netform.value;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * The payload of extension 12: a map with integer keys, 1 not-null, 2 string prefix, 3 and 4
 * number bounds as {@code [number, inclusive]}, 5 and 6 collection length bounds.
 */
final class MsgpackRefinements {
    private static final int NOT_NULL = 1;
    private static final int STRING_PREFIX = 2;
    private static final int LOWER_BOUND = 3;
    private static final int UPPER_BOUND = 4;
    private static final int MIN_LENGTH = 5;
    private static final int MAX_LENGTH = 6;
    /** cty keeps at most this many bytes of a prefix on the wire. */
    private static final int MAX_PREFIX_BYTES = 256;

    private MsgpackRefinements() {}

    static byte[] write(Refinement r) throws IOException {
        try (MessageBufferPacker out = MsgpackCodec.PACKER.newBufferPacker()) {
            MsgpackWriter numbers = new MsgpackWriter(out);
            int entries = (r.notNull() ? 1 : 0)
                    + (r.stringPrefix().isEmpty() ? 0 : 1)
                    + (r.lowerBound().isPresent() ? 1 : 0)
                    + (r.upperBound().isPresent() ? 1 : 0)
                    + (r.minLength() > 0 ? 1 : 0)
                    + (r.maxLength() < Long.MAX_VALUE ? 1 : 0);
            out.packMapHeader(entries);
            if (r.notNull()) {
                out.packInt(NOT_NULL).packBoolean(true);
            }
            if (!r.stringPrefix().isEmpty()) {
                out.packInt(STRING_PREFIX).packString(truncate(r.stringPrefix()));
            }
            writeBound(out, numbers, LOWER_BOUND, r.lowerBound());
            writeBound(out, numbers, UPPER_BOUND, r.upperBound());
            if (r.minLength() > 0) {
                out.packInt(MIN_LENGTH).packLong(r.minLength());
            }
            if (r.maxLength() < Long.MAX_VALUE) {
                out.packInt(MAX_LENGTH).packLong(r.maxLength());
            }
            return out.toByteArray();
        }
    }

    private static void writeBound(
            MessageBufferPacker out, MsgpackWriter numbers, int key, Optional<Refinement.NumberBound> bound)
            throws IOException {
        if (bound.isPresent()) {
            out.packInt(key).packArrayHeader(2);
            numbers.writeNumber(BigFloat.of(bound.get().value()));
            out.packBoolean(bound.get().inclusive());
        }
    }

    /** A prefix cut to at most 256 UTF-8 bytes, never inside a character. */
    private static String truncate(String prefix) {
        byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_PREFIX_BYTES) {
            return prefix;
        }
        int end = MAX_PREFIX_BYTES;
        while ((bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** What the payload says; entries that are unknown or malformed are ignored. */
    static Refinement read(byte[] payload) {
        Refinement r = Refinement.NONE;
        try (MessageUnpacker in = MsgpackCodec.UNPACKER.newUnpacker(payload)) {
            int entries = in.unpackMapHeader();
            for (int i = 0; i < entries; i++) {
                if (in.getNextFormat().getValueType() != ValueType.INTEGER) {
                    in.skipValue(2);
                    continue;
                }
                r = readEntry(in, in.unpackInt(), r);
            }
        } catch (IOException | MessagePackException | IllegalArgumentException e) {
            return r; // a reader must accept any unknown; what could be read still holds
        }
        return r;
    }

    private static Refinement readEntry(MessageUnpacker in, int key, Refinement r) throws IOException {
        ValueType next = in.getNextFormat().getValueType();
        if (key == NOT_NULL && next == ValueType.BOOLEAN) {
            return in.unpackBoolean() ? r.withNotNull() : r;
        }
        if (key == STRING_PREFIX && next == ValueType.STRING) {
            return r.withStringPrefix(in.unpackString());
        }
        if ((key == LOWER_BOUND || key == UPPER_BOUND) && next == ValueType.ARRAY && in.unpackArrayHeader() == 2) {
            BigDecimal value = readNumber(in);
            boolean inclusive = in.unpackBoolean();
            return key == LOWER_BOUND ? r.withLowerBound(value, inclusive) : r.withUpperBound(value, inclusive);
        }
        if ((key == MIN_LENGTH || key == MAX_LENGTH) && next == ValueType.INTEGER) {
            long n = in.unpackLong();
            return key == MIN_LENGTH ? r.withLengthBounds(n, r.maxLength()) : r.withLengthBounds(r.minLength(), n);
        }
        in.skipValue();
        return r;
    }

    private static BigDecimal readNumber(MessageUnpacker in) throws IOException {
        MessageFormat format = in.getNextFormat();
        if (format.getValueType() == ValueType.INTEGER) {
            BigInteger n = in.unpackBigInteger();
            return new BigDecimal(n);
        }
        if (format.getValueType() == ValueType.FLOAT) {
            return new BigDecimal(in.unpackDouble());
        }
        return new BigDecimal(in.unpackString());
    }
}
