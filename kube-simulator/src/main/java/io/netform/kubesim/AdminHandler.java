package io.netform.kubesim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;

/**
 * The simulator's own endpoints under {@code /sim/admin/}, for the admin user only: the request
 * counts ({@code GET}, and {@code DELETE} to start again from zero, on {@code /sim/admin/requests})
 * and the forbidden verbs ({@code GET /sim/admin/forbidden}, {@code PUT} and {@code DELETE} on
 * {@code /sim/admin/forbidden/VERB:RESOURCE}). They are not Kubernetes API requests and are not
 * counted.
 */
final class AdminHandler implements HttpHandler {

    /** Where the admin endpoints are served. */
    static final String PREFIX = "/sim/admin/";

    private static final String REQUESTS = PREFIX + "requests";
    private static final String FORBIDDEN = PREFIX + "forbidden";

    private final AccessPolicy access;
    private final RequestCounts counts;

    AdminHandler(AccessPolicy access, RequestCounts counts) {
        this.access = access;
        this.counts = counts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String user = access.user(exchange.getRequestHeaders().getFirst("Authorization"));
            MockResponse response;
            if (user == null) {
                response = KubeStatus.failure(401, "Unauthorized", "Unauthorized", null, null);
            } else if (!user.equals(AccessPolicy.ADMIN)) {
                response = KubeStatus.failure(
                        403, "Forbidden", "User \"" + user + "\" cannot use the kube-sim admin endpoints", null, null);
            } else {
                response = answer(
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            }
            ApiHandler.send(exchange, response);
        }
    }

    private MockResponse answer(String method, String path) {
        if (path.equals(REQUESTS)) {
            return switch (method) {
                case "GET" -> json(requests());
                case "DELETE" -> {
                    counts.reset();
                    yield json(requests());
                }
                default -> notAllowed(method, path);
            };
        }
        if (path.equals(FORBIDDEN)) {
            return method.equals("GET") ? json(forbidden()) : notAllowed(method, path);
        }
        if (path.startsWith(FORBIDDEN + "/")) {
            String rule = path.substring(FORBIDDEN.length() + 1);
            try {
                switch (method) {
                    case "PUT" -> access.forbidden().forbid(rule);
                    case "DELETE" -> {
                        if (!access.forbidden().lift(rule)) {
                            return KubeStatus.failure(404, "NotFound", rule + " is not forbidden", null, null);
                        }
                    }
                    default -> {
                        return notAllowed(method, path);
                    }
                }
            } catch (IllegalArgumentException e) {
                return KubeStatus.failure(
                        400,
                        "BadRequest",
                        "a forbidden verb is VERB:RESOURCE (e.g. list:pods), got '" + rule + "'",
                        null,
                        null);
            }
            return json(forbidden());
        }
        return KubeStatus.failure(404, "NotFound", "kube-sim has no admin endpoint " + path, null, null);
    }

    private ObjectNode requests() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("total", counts.total());
        ObjectNode byRequest = body.putObject("requests");
        counts.byRequest().forEach(byRequest::put);
        return body;
    }

    private ArrayNode forbidden() {
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        access.forbidden().rules().forEach(rules::add);
        return rules;
    }

    private static MockResponse json(Object body) {
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody(body.toString());
    }

    private static MockResponse notAllowed(String method, String path) {
        return KubeStatus.failure(405, "MethodNotAllowed", method + " is not allowed on " + path, null, null);
    }
}
