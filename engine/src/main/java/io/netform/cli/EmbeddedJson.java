package io.netform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.json.ExactJson;
import io.netform.state.ValueJson;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Type;
import io.netform.value.Value;

/**
 * Reads a string attribute that holds a JSON object or array (a policy, an annotation) as the
 * value it encodes, so that the plan can show what changed inside it as {@code jsonencode(…)}.
 */
final class EmbeddedJson {

    private static final ObjectMapper JSON = ExactJson.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EmbeddedJson() {}

    /** The JSON object or array in {@code v}, or null if {@code v} is not a known string holding one. */
    static Value parse(Value v) {
        if (v.isNull() || !v.isKnown() || v.type() != Type.STRING) {
            return null;
        }
        String text = v.asString();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return CtyJson.fromNode(node, ValueJson.impliedType(node));
        } catch (JsonProcessingException | CodecException e) {
            return null; // not JSON after all: shown as the string it is
        }
    }
}
