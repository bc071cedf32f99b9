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
}
