package io.netform.nsxt.api;

import java.util.Map;

/**
 * One Policy API call before it is sent.
 *
 * @param method HTTP verb
 * @param path   the object path below the API base, such as {@code /infra/segments/web}, or an
 *               absolute API path starting with {@code /api/} or {@code /policy/}
 * @param query  query parameters, in order
 * @param body   the JSON body, or null
 */
public record NsxRequest(String method, String path, Map<String, String> query, String body) {

    public NsxRequest {
        query = Map.copyOf(query);
    }

    /** The path below {@code https://host}, always starting with the API base. */
    public String apiPath() {
        return path.startsWith("/api/") || path.startsWith("/policy/") ? path : PolicyClient.BASE + path;
    }

    /** How the call is named in errors and logs, e.g. {@code PATCH /infra/segments/web}. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
