package io.netform.providers;

import com.google.protobuf.ByteString;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.MsgpackCodec;
import io.netform.value.Type;
import io.netform.value.Value;

/**
 * Values on the wire as tfplugin6 DynamicValues: Netform always sends msgpack (the only encoding
 * that can carry unknowns); it reads msgpack, falls back to JSON when msgpack is empty, and reads
 * an empty DynamicValue as null, as Terraform does.
 */
final class DynamicValueCodec {

    private DynamicValueCodec() {
    }

    /** Encodes {@code value}, with its marks stripped (the engine keeps track of them), against {@code type}. */
    static DynamicValue encode(Value value, Type type) throws CodecException {
        byte[] msgpack = MsgpackCodec.encode(value.unmarkDeep(), type);
        return DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(msgpack)).build();
    }

    /** Decodes a value of {@code type}. */
    static Value decode(DynamicValue value, Type type) throws CodecException {
        if (!value.getMsgpack().isEmpty()) {
            return MsgpackCodec.decode(value.getMsgpack().toByteArray(), type);
        }
        if (!value.getJson().isEmpty()) {
            return CtyJson.decode(value.getJson().toByteArray(), type);
        }
        return Value.nullOf(type);
    }
}
