package io.netform.nsxsim.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.policy.PolicyApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The Policy API of a manager over HTTPS with basic authentication, GET only (no session either:
 * creating one is a POST). Answers of 429 and 503, NSX's per-client limits, are retried after a pause.
 */
public final class HttpsPolicyReader implements PolicyReader {

    private static final int ATTEMPTS = 6;

    private final URI manager;
    private final String authorization;
    private final HttpClient http;

    /** A reader of {@code manager} (such as {@code https://nsx.example.com}) as {@code user}. */
    public HttpsPolicyReader(URI manager, String user, String password, SSLContext tls) {
        this.manager = manager;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Override
    public JsonNode get(String path, Map<String, String> query) {
        String call = "GET " + PolicyApi.PREFIX + path;
        HttpRequest request = HttpRequest.newBuilder(manager.resolve(PolicyApi.PREFIX + path + queryString(query)))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(1))
                .GET()
                .build();
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return Json.MAPPER.readTree(response.body());
                }
                if (status == 404) {
                    return null;
                }
                if ((status == 429 || status == 503) && attempt < ATTEMPTS) {
                    Thread.sleep(200L << attempt);
                    continue;
                }
                throw new IllegalStateException(call + " answered " + status + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(call + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(call + " was interrupted", e);
        }
    }

    private static String queryString(Map<String, String> query) {
        return query.isEmpty()
                ? ""
                : "?"
                        + query.entrySet().stream()
                                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&"));
    }
}
