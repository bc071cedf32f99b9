package io.netform.nsxsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.model.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A real HTTPS client for the simulator that trusts only its self-signed certificate. */
public final class NsxTestClient {

    /** A response with its body parsed when it is JSON. */
    public record Reply(int status, JsonNode json, java.net.http.HttpHeaders headers) {
        /** The NSX error_code of an error body, as text. */
        public String errorCode() {
            return json.path("error_code").asText();
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A client for the simulator at {@code base}, trusting the PEM certificate, with basic credentials. */
    public NsxTestClient(URI base, String certificatePem, String user, String password) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .sslContext(trusting(certificatePem))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        if (user != null) {
            headers.put(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A client for a running simulator with its configured credentials. */
    public static NsxTestClient of(NsxSimulator simulator, SimulatorConfig config) {
        return new NsxTestClient(simulator.baseUrl(), simulator.certificatePem(), config.user(), config.password());
    }

    /** Sends these headers on every later request (null removes one). */
    public NsxTestClient header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** GET of a Policy path such as {@code /infra/segments/web}. */
    public Reply get(String policyPath) {
        return send("GET", "/policy/api/v1" + policyPath, null);
    }

    /** PATCH of a Policy path with a JSON body. */
    public Reply patch(String policyPath, String json) {
        return send("PATCH", "/policy/api/v1" + policyPath, json);
    }

    /** PUT of a Policy path with a JSON body. */
    public Reply put(String policyPath, String json) {
        return send("PUT", "/policy/api/v1" + policyPath, json);
    }

    /** DELETE of a Policy path (query included). */
    public Reply delete(String policyPath) {
        return send("DELETE", "/policy/api/v1" + policyPath, null);
    }

    /** Any request to a raw server path. */
    public Reply send(String method, String rawPath, String json) {
        return send(method, rawPath, json, "application/json");
    }

    /** Any request with a given content type; transport failures become UncheckedIOException. */
    public Reply send(String method, String rawPath, String body, String contentType) {
        try {
            HttpResponse<byte[]> response =
                    http.send(request(method, rawPath, body, contentType), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? Json.object() : Json.MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), json, response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Policy API request whose body is read but not parsed (for benchmarks); returns the status. */
    public int status(String method, String policyPath, String json) {
        try {
            return http.send(
                            request(method, "/policy/api/v1" + policyPath, json, "application/json"),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String rawPath, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(rawPath))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return request.build();
    }

    private static SSLContext trusting(String pem) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry(
                    "nsx-sim",
                    CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
