package io.netform.value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePacker;

/** Writes one value against a type in the plugin protocol's msgpack form. */
final class MsgpackWriter {

    private final MessagePacker out;

    MsgpackWriter(MessagePacker out) {
        this.out = out;
    }

    /**
     * Writes {@code value}. The path of a problem is put together as its exception leaves each
     * level, so writing a good value makes no path at all.
     */
    void write(Value value, Type type) throws IOException, CodecException {
        if (value.isMarked()) {
            throw new CodecException(
                    AttributePath.root(),
                    "the value is marked " + value.marks()
                            + ", and marked values cannot be serialized; unmark it first and keep its paths");
        }
        if (type == Type.DYNAMIC && value.type() != Type.DYNAMIC) {
            byte[] typeJson = TypeJson.encode(value.type()).getBytes(StandardCharsets.UTF_8);
            out.packArrayHeader(2);
            out.packBinaryHeader(typeJson.length);
            out.writePayload(typeJson);
            write(value, value.type());
        } else if (!value.isKnown()) {
            writeUnknown(value);
        } else if (value.isNull()) {
            out.packNil();
        } else if (type == Type.STRING) {
            out.packString(value.asString());
        } else if (type == Type.NUMBER) {
            writeNumber(value.asBigFloat());
        } else if (type == Type.BOOL) {
            out.packBoolean(value.asBoolean());
        } else if (type instanceof Type.MapType || type instanceof Type.ObjectType) {
            writeKeyed(value, type);
        } else {
            writeSequence(value, type);
        }
    }

    /**
     * As cty writes a number: an int when exactly an int64, else a float64 when exactly one (so
     * infinities too), else its text.
     */
    void writeNumber(BigFloat n) throws IOException {
        if (n.isLong()) {
            out.packLong(n.longValue());
            return;
        }
        double d = n.toDouble();
        if (n.isInfinite() || (!Double.isInfinite(d) && BigFloat.of(d).compareTo(n) == 0)) {
            out.packDouble(d);
            return;
        }
        out.packString(n.text());
    }

    private void writeUnknown(Value value) throws IOException {
        Refinement refinement = value.refinement();
        if (value.type() == Type.DYNAMIC || refinement.isNone()) {
            out.packExtensionTypeHeader(MsgpackCodec.UNKNOWN_EXTENSION, 1);
            out.writePayload(new byte[] {0});
            return;
        }
        byte[] payload = MsgpackRefinements.write(refinement);
        out.packExtensionTypeHeader(MsgpackCodec.REFINED_UNKNOWN_EXTENSION, payload.length);
        out.writePayload(payload);
    }

    private void writeSequence(Value value, Type type) throws IOException, CodecException {
        List<Value> elements = value.elements();
        out.packArrayHeader(elements.size());
        List<Type> tupleTypes = type instanceof Type.TupleType t ? t.elementTypes() : null;
        for (int i = 0; i < elements.size(); i++) {
            Type element = tupleTypes != null ? tupleTypes.get(i) : type.elementType();
            try {
                write(elements.get(i), element);
            } catch (CodecException e) {
                throw e.inside(new AttributePath.IntKey(i));
            }
        }
    }

    private void writeKeyed(Value value, Type type) throws IOException, CodecException {
        Map<String, Value> entries = value.asMap();
        out.packMapHeader(entries.size());
        Type.ObjectType object = type instanceof Type.ObjectType o ? o : null;
        for (Map.Entry<String, Value> e : entries.entrySet()) {
            out.packString(e.getKey());
            try {
                write(e.getValue(), object != null ? object.attributeType(e.getKey()) : type.elementType());
            } catch (CodecException problem) {
                throw problem.inside(
                        object != null
                                ? new AttributePath.AttributeName(e.getKey())
                                : new AttributePath.StringKey(e.getKey()));
            }
        }
    }
}
