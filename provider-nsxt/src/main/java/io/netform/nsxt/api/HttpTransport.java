package io.netform.nsxt.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLContext;

/**
 * HTTPS to an NSX Manager with basic authentication, or with a session (created once with
 * {@code POST /api/session/create}, then the session cookie and XSRF token on every call, and
 * created again when NSX says it expired).
 */
public final class HttpTransport implements Transport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final HttpClient http;
    private final String user;
    private final String password;
    private final boolean sessionAuth;
    private Session session;

    private record Session(String cookie, String xsrfToken) {}

    /**
     * @param base        the manager's URL, e.g. {@code https://nsx.example.com}
     * @param tls         how the manager's certificate is checked
     * @param sessionAuth whether to authenticate once per session instead of on every call
     */
    public HttpTransport(URI base, SSLContext tls, String user, String password, boolean sessionAuth) {
        this.base = base;
        this.user = user;
        this.password = password;
        this.sessionAuth = sessionAuth;
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public NsxResponse send(NsxRequest request) throws IOException {
        if (!sessionAuth) {
            return exchange(request, null);
        }
        Session current = session();
        NsxResponse response = exchange(request, current);
        if (response.status() == 403 || response.status() == 401) {
            synchronized (this) {
                if (session == current) {
                    session = null;
                }
            }
            response = exchange(request, session());
        }
        return response;
    }

    @Override
    public String endpoint() {
        return base.toString();
    }

    private NsxResponse exchange(NsxRequest request, Session with) throws IOException {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri(request)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (with == null) {
            builder.header("Authorization", basic());
        } else {
            builder.header("Cookie", with.cookie()).header("X-XSRF-TOKEN", with.xsrfToken());
        }
        if (request.body() == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
        }
        return send(builder.build());
    }

    private synchronized Session session() throws IOException {
        if (session != null) {
            return session;
        }
        String form = "j_username=" + encode(user) + "&j_password=" + encode(password);
        HttpRequest create = HttpRequest.newBuilder(base.resolve("/api/session/create"))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        NsxResponse response = send(create);
        if (response.status() == 401 || response.status() == 403) {
            throw new SessionRefusedException(response);
        }
        if (!response.isSuccess()) {
            // Throttled or busy: a transport failure, which the client retries with backoff.
            throw new IOException("NSX answered HTTP " + response.status() + " to the session request");
        }
        String cookie = response.headers().getOrDefault("set-cookie", "");
        int end = cookie.indexOf(';');
        session = new Session(
                end < 0 ? cookie : cookie.substring(0, end), response.headers().getOrDefault("x-xsrf-token", ""));
        return session;
    }

    private NsxResponse send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
                }
            });
            return new NsxResponse(response.statusCode(), response.body(), headers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped while calling NSX");
        }
    }

    private URI uri(NsxRequest request) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        request.query().forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        return base.resolve(encodePath(request.apiPath()) + query);
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        StringJoiner out = new StringJoiner("/");
        for (String segment : path.split("/", -1)) {
            out.add(encode(segment));
        }
        return out.toString();
    }

    /** NSX refused to open a session: wrong credentials, usually. Carries the answer for the error text. */
    public static final class SessionRefusedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient NsxResponse response;

        SessionRefusedException(NsxResponse response) {
            super("NSX refused to create a session (HTTP " + response.status() + ")");
            this.response = response;
        }

        /** NSX's answer to the session request. */
        public NsxResponse response() {
            return response;
        }
    }
}
