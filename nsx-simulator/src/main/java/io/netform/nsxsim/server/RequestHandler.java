package io.netform.nsxsim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.policy.ApiException;
import io.netform.nsxsim.policy.ApiRequest;
import io.netform.nsxsim.policy.ApiResponse;
import io.netform.nsxsim.policy.NsxError;
import io.netform.nsxsim.policy.PolicyApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves one HTTP exchange: session endpoints, the fault admin endpoint, and Policy API calls
 * after authentication, the per-user limits and fault injection.
 */
final class RequestHandler implements HttpHandler {

    /** The admin endpoint that reads and changes the fault settings. */
    static final String FAULTS_PATH = "/sim/admin/faults";

    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final PolicyApi api;
    private final UserAuthentication authentication;
    private final RequestLimits limits;
    private final FaultInjector faults;
    private final RequestCounts counts;

    RequestHandler(
            PolicyApi api,
            UserAuthentication authentication,
            RequestLimits limits,
            FaultInjector faults,
            RequestCounts counts) {
        this.api = api;
        this.authentication = authentication;
        this.limits = limits;
        this.faults = faults;
        this.counts = counts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            try {
                byte[] body = readBody(exchange.getRequestBody());
                if (path.equals("/api/session/create") && method.equals("POST")) {
                    createSession(exchange, body);
                } else if (path.equals("/api/session/destroy") && method.equals("POST")) {
                    authentication.destroySession(exchange.getRequestHeaders());
                    send(exchange, ApiResponse.json(200, Json.object()));
                } else if (path.equals(FAULTS_PATH)) {
                    authentication.authenticate(exchange.getRequestHeaders());
                    send(exchange, adminFaults(method, body));
                } else {
                    serveApi(exchange, method, path, body);
                }
            } catch (ApiException e) {
                send(exchange, ApiResponse.error(e.error()));
            } catch (RuntimeException e) {
                send(
                        exchange,
                        ApiResponse.error(
                                NsxError.internal("The simulator failed on " + method + " " + path + ": " + e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serveApi(HttpExchange exchange, String method, String path, byte[] body)
            throws IOException, InterruptedException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        counts.record(method, path, query.get("intent_path"));
        String user = authentication.authenticate(exchange.getRequestHeaders());
        RequestLimits.Permit permit = limits.admit(user);
        try {
            FaultInjector.Reaction outcome = faults.apply(path);
            if (outcome instanceof FaultInjector.Reaction.Drop) {
                return;
            }
            if (outcome instanceof FaultInjector.Reaction.Fail fail) {
                send(exchange, ApiResponse.error(NsxError.injected(fail.status())));
                return;
            }
            ApiRequest request = new ApiRequest(method, path, query, body, user);
            send(exchange, api.handle(request));
        } finally {
            permit.close();
        }
    }

    private void createSession(HttpExchange exchange, byte[] body) throws IOException {
        UserAuthentication.Session session = authentication.createSession(new String(body, StandardCharsets.UTF_8));
        exchange.getResponseHeaders()
                .add("Set-Cookie", UserAuthentication.COOKIE + "=" + session.id() + "; Path=/; Secure; HttpOnly");
        exchange.getResponseHeaders().add(UserAuthentication.XSRF_HEADER, session.xsrfToken());
        send(exchange, ApiResponse.json(200, Json.object().put("user", session.user())));
    }

    private ApiResponse adminFaults(String method, byte[] body) {
        if (method.equals("PUT") || method.equals("PATCH")) {
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new ApiException(NsxError.unreadable("fault settings are not valid JSON: " + e.getMessage()));
            }
            faults.update(faults.settings().merge(json == null ? Json.object() : json));
        } else if (!method.equals("GET")) {
            throw new ApiException(NsxError.methodNotAllowed(method, FAULTS_PATH));
        }
        return ApiResponse.json(200, faults.settings().toJson());
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new ApiException(NsxError.invalid("The request body is larger than " + MAX_BODY + " bytes"));
        }
        return body;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                query.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ApiException(NsxError.invalid("The query parameter '" + pair + "' is not URL-encoded"));
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (response.body().length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }
}
