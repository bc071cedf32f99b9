package io.netform.kubesim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTPS request: authentication and authorization first, then discovery or the object store,
 * and a watch streamed until it ends.
 */
final class ApiHandler implements HttpHandler {

    /** How long a watch without {@code timeoutSeconds} stays open; clients then watch again, as with a real server. */
    private static final Duration WATCH_LIMIT = Duration.ofMinutes(5);

    private final AccessPolicy access;
    private final ObjectStore store;
    private final RequestCounts counts;
    private final Set<WatchStream> watches = ConcurrentHashMap.newKeySet();

    ApiHandler(AccessPolicy access, ObjectStore store, RequestCounts counts) {
        this.access = access;
        this.store = store;
        this.counts = counts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String pathAndQuery = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
            String method = exchange.getRequestMethod();
            ApiPath path = ApiPath.parse(pathAndQuery);
            counts.record(method, path, rawPath);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<MockResponse> refusal =
                    access.refusal(exchange.getRequestHeaders().getFirst("Authorization"), method, path);
            if (refusal.isPresent()) {
                send(exchange, refusal.get());
            } else if ("websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Upgrade"))) {
                // the JDK server cannot switch protocols; refused with 503 (as Kubernetes refuses when it
                // cannot), fabric8 falls back to an HTTP watch, after its retries unless onlyHttpWatches is set
                send(
                        exchange,
                        KubeStatus.failure(
                                503,
                                "ServiceUnavailable",
                                "kube-sim streams watches over HTTP, not WebSocket",
                                null,
                                null));
            } else if (path == null && rawPath.equals(OpenApiDocument.PATH)) {
                send(
                        exchange,
                        OpenApiDocument.response(exchange.getRequestHeaders().getFirst("Accept")));
            } else if (path == null) {
                send(exchange, discovery(rawPath, store.customTypes()));
            } else {
                MockResponse response = store.handle(
                        method, path, pathAndQuery, exchange.getRequestHeaders().getFirst("Content-Type"), body);
                if (response.getWebSocketListener() != null) {
                    stream(exchange, path, pathAndQuery, response);
                } else {
                    send(exchange, response);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a bug of the simulator: the client gets a 500 with the cause, the console the stack trace
            e.printStackTrace();
            send(exchange, KubeStatus.failure(500, "InternalError", "kube-sim: " + e, null, null));
        }
    }

    private static MockResponse discovery(String rawPath, List<ApiResource> custom) {
        return Discovery.document(rawPath, custom)
                .map(document -> new MockResponse()
                        .setResponseCode(200)
                        .setHeader("Content-Type", "application/json")
                        .setBody(document.toString()))
                .orElseGet(() -> KubeStatus.failure(
                        404, "NotFound", "the server could not find the requested resource", null, null));
    }

    /** Ends every open watch, so a stopping server does not wait for them. */
    void endWatches() {
        watches.forEach(watch -> watch.close(1001, "server stopping"));
    }

    private void stream(HttpExchange exchange, ApiPath path, String pathAndQuery, MockResponse response)
            throws IOException, InterruptedException {
        RecordedRequest request = new RecordedRequest(
                "HTTP/1.1", HttpMethod.GET, pathAndQuery, Headers.builder().build(), new Buffer());
        WatchStream watch = new WatchStream(request);
        watches.add(watch);
        response.getWebSocketListener().onOpen(watch, response);
        try {
            // only now, the watch registered, do the headers go out: a client waits for them before it
            // counts the watch as started
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            watch.streamTo(exchange.getResponseBody());
            String timeout = path.query().get("timeoutSeconds");
            watch.awaitEnd(timeout == null ? WATCH_LIMIT : Duration.ofSeconds(Long.parseLong(timeout)));
        } catch (NumberFormatException e) {
            watch.awaitEnd(WATCH_LIMIT);
        } finally {
            watches.remove(watch);
            response.getWebSocketListener().onClosed(watch, 1000, "watch ended");
        }
    }

    static void send(HttpExchange exchange, MockResponse response) throws IOException {
        for (Map.Entry<String, List<String>> header :
                response.getHeaders().toMultimap().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                exchange.getResponseHeaders().put(header.getKey(), header.getValue());
            }
        }
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        byte[] body =
                response.getBody() == null ? new byte[0] : response.getBody().getBytes();
        exchange.sendResponseHeaders(response.code(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
