package io.netform.provider;

import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.value.CodecException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.DynamicValues;

/** The values a provider reads and writes, whose encoding errors become diagnostics naming the value. */
final class WireValues {

    private WireValues() {}

    /**
     * The value, of the given type; an entirely empty DynamicValue reads as null.
     *
     * @param what names the value in an error, e.g. "the planned state"
     */
    static Value decode(DynamicValue wire, Type type, String what) {
        try {
            return DynamicValues.decode(wire, type);
        } catch (CodecException e) {
            throw new DiagnosticException(
                    "Invalid value from the host", what + " cannot be read: " + e.reason(), e.path());
        }
    }

    static DynamicValue encode(Value value, Type type, String what) {
        try {
            return DynamicValues.encode(value, type);
        } catch (CodecException e) {
            throw new DiagnosticException(
                    "Provider produced an invalid value", what + " cannot be encoded: " + e.reason(), e.path());
        }
    }
}
