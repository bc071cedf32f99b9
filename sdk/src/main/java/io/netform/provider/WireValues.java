package io.netform.provider;

import com.google.protobuf.ByteString;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.MsgpackCodec;
import io.netform.value.Type;
import io.netform.value.Value;

/**
 * Values in tfplugin6's DynamicValue: read from msgpack, or from JSON when msgpack is empty, as
 * the protocol asks of providers; always written as msgpack, the only form that can carry
 * unknown values.
 */
final class WireValues {

    private WireValues() {}

    /**
     * The value, of the given type; an entirely empty DynamicValue reads as null.
     *
     * @param what names the value in an error, e.g. "the planned state"
     */
    static Value decode(DynamicValue wire, Type type, String what) {
        try {
            if (!wire.getMsgpack().isEmpty()) {
                return MsgpackCodec.decode(wire.getMsgpack().toByteArray(), type);
            }
            if (!wire.getJson().isEmpty()) {
                return CtyJson.decode(wire.getJson().toByteArray(), type);
            }
            return Value.nullOf(type);
        } catch (CodecException e) {
            throw new DiagnosticException(
                    "Invalid value from the host", what + " cannot be read: " + e.reason(), e.path());
        }
    }

    static DynamicValue encode(Value value, Type type, String what) {
        try {
            return DynamicValue.newBuilder()
                    .setMsgpack(ByteString.copyFrom(MsgpackCodec.encode(value, type)))
                    .build();
        } catch (CodecException e) {
            throw new DiagnosticException(
                    "Provider produced an invalid value",
                    what + " cannot be encoded: " + e.reason(),
                    e.path());
        }
    }
}
