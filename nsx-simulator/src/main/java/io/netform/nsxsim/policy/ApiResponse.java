package io.netform.nsxsim.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.model.Json;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The answer to an {@link ApiRequest}.
 *
 * @param status  HTTP status
 * @param body    JSON body bytes, empty for 204
 * @param headers extra response headers
 */
public record ApiResponse(int status, byte[] body, Map<String, String> headers) {

    /** Freezes the headers. */
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON answer. */
    public static ApiResponse json(int status, JsonNode body) {
        try {
            return new ApiResponse(status, Json.MAPPER.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 204 No Content. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, new byte[0], Map.of());
    }

    /** The NSX error body with the error's status. */
    public static ApiResponse error(NsxError error) {
        return json(error.status(), error.toJson());
    }

    /** The body parsed as JSON (for embedded callers); an empty object for 204. */
    public JsonNode bodyJson() {
        try {
            return body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
