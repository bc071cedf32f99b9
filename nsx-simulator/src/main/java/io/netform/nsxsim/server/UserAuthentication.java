package io.netform.nsxsim.server;

import com.sun.net.httpserver.Headers;
import io.netform.nsxsim.policy.ApiException;
import io.netform.nsxsim.policy.NsxError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling: HTTP basic (or {@code Remote}) credentials on each request, or a session
 * created by {@code POST /api/session/create} and presented as the {@code JSESSIONID} cookie
 * plus the {@code X-XSRF-TOKEN} header.
 */
public final class UserAuthentication {

    /** The session cookie's name. */
    public static final String COOKIE = "JSESSIONID";
    /** The header that must repeat the session's XSRF token. */
    public static final String XSRF_HEADER = "X-XSRF-TOKEN";

    /** A logged-in session. */
    record Session(String id, String user, String xsrfToken) {}

    private final String user;
    private final byte[] password;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Accepts exactly this user and password. */
    public UserAuthentication(String user, String password) {
        this.user = user;
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** The authenticated user of a request; 403 with the NSX error body otherwise. */
    String authenticate(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        if (authorization != null) {
            int space = authorization.indexOf(' ');
            String scheme = space < 0 ? "" : authorization.substring(0, space);
            if (scheme.equalsIgnoreCase("Basic") || scheme.equalsIgnoreCase("Remote")) {
                return checkBasic(authorization.substring(space + 1).trim());
            }
            throw new ApiException(NsxError.badCredentials());
        }
        String sessionId = cookie(headers.getFirst("Cookie"));
        Session session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            throw new ApiException(NsxError.badCredentials());
        }
        String token = headers.getFirst(XSRF_HEADER);
        if (token == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8),
                        session.xsrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(NsxError.badXsrfToken());
        }
        return session.user();
    }

    /** Creates a session from the form body {@code j_username=..&j_password=..}. */
    Session createSession(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!matches(fields.get("j_username"), fields.get("j_password"))) {
            throw new ApiException(NsxError.badCredentials());
        }
        Session session = new Session(token(), fields.get("j_username"), token());
        sessions.put(session.id(), session);
        return session;
    }

    /** Ends the session named by the request's cookie, if any. */
    void destroySession(Headers headers) {
        String id = cookie(headers.getFirst("Cookie"));
        if (id != null) {
            sessions.remove(id);
        }
    }

    private String checkBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(NsxError.badCredentials());
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !matches(decoded.substring(0, colon), decoded.substring(colon + 1))) {
            throw new ApiException(NsxError.badCredentials());
        }
        return user;
    }

    private boolean matches(String givenUser, String givenPassword) {
        return user.equals(givenUser)
                && givenPassword != null
                && MessageDigest.isEqual(password, givenPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(COOKIE + "=")) {
                return trimmed.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
