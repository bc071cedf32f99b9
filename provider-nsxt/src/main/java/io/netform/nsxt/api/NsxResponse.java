package io.netform.nsxt.api;

import java.util.Map;

/**
 * The answer to an {@link NsxRequest}.
 *
 * @param status  HTTP status
 * @param body    the body as text, empty when none
 * @param headers response headers by lower-case name (first value)
 */
public record NsxResponse(int status, String body, Map<String, String> headers) {

    public NsxResponse {
        headers = Map.copyOf(headers);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
