package io.netform.nsxsim.policy;

import java.util.Map;

/**
 * One API call as the Policy layer sees it, independent of the transport.
 *
 * @param method HTTP verb in upper case
 * @param path   the decoded request path, such as {@code /policy/api/v1/infra/segments/web}
 * @param query  decoded query parameters (the last value wins)
 * @param body   the raw body, empty when none was sent
 * @param user   the authenticated user, recorded in {@code _create_user}/{@code _last_modified_user}
 */
public record ApiRequest(String method, String path, Map<String, String> query, byte[] body, String user) {

    /** Freezes the query map. */
    public ApiRequest {
        query = Map.copyOf(query);
    }
}
