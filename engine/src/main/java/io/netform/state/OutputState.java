package io.netform.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A root module output in state.
 *
 * @param value     the value as cty JSON
 * @param type      the value's type as cty type JSON
 * @param sensitive whether the output is redacted in the UI
 */
public record OutputState(JsonNode value, JsonNode type, boolean sensitive) {
    public OutputState {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }

    /** An output of a wholly known value, stored without marks; sensitive if asked or if the value has marks. */
    public static OutputState of(io.netform.value.Value value, boolean sensitive)
            throws io.netform.value.CodecException {
        io.netform.value.Value plain = value.unmarkDeep();
        return new OutputState(
                io.netform.value.CtyJson.toNode(plain, plain.type()),
                io.netform.value.TypeJson.toNode(plain.type()),
                sensitive || value.containsMarks());
    }
}
