package io.netform.kubesim;

import io.netform.tally.Tally;
import java.util.Locale;

/**
 * How many requests the server has received, by verb and resource as RBAC names them
 * ({@code "list pods"}, {@code "patch namespaces"}, {@code "update namespaces/status"}), and by verb and
 * path for discovery and the OpenAPI document ({@code "get /apis"}); refused requests count too, so
 * tests and benchmarks see what a client costs the API server. {@link #byRequest()} is keyed
 * {@code "VERB RESOURCE"} or {@code "VERB /path"}.
 */
public final class RequestCounts extends Tally {

    void record(String method, ApiPath path, String rawPath) {
        if (path == null) {
            increment(method.toLowerCase(Locale.ROOT) + " " + rawPath);
        } else {
            String resource = path.subresource() == null ? path.resource() : path.resource() + "/" + path.subresource();
            increment(path.verb(method) + " " + resource);
        }
    }
}
