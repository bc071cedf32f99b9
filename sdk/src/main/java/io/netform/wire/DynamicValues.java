package io.netform.wire;

import com.google.protobuf.ByteString;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.MsgpackCodec;
import io.netform.value.Type;
import io.netform.value.Value;

/**
 * Values in tfplugin6's DynamicValue, both ways: always written as msgpack, the only form that can
 * carry unknown values; read from msgpack, or from JSON when msgpack is empty, and an entirely empty
 * DynamicValue reads as null, as Terraform does.
 */
public final class DynamicValues {

    private DynamicValues() {}

    /** The value, which must hold no marks, encoded against the type. */
    public static DynamicValue encode(Value value, Type type) throws CodecException {
        return DynamicValue.newBuilder()
                .setMsgpack(ByteString.copyFrom(MsgpackCodec.encode(value, type)))
                .build();
    }

    /** The value of the type the DynamicValue holds. */
    public static Value decode(DynamicValue wire, Type type) throws CodecException {
        if (!wire.getMsgpack().isEmpty()) {
            return MsgpackCodec.decode(wire.getMsgpack().toByteArray(), type);
        }
        if (!wire.getJson().isEmpty()) {
            return CtyJson.decode(wire.getJson().toByteArray(), type);
        }
        return Value.nullOf(type);
    }
}
