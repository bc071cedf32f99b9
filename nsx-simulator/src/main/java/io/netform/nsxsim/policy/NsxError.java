package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import java.util.List;

/**
 * An error as NSX reports it: HTTP status plus the body fields {@code httpStatus},
 * {@code error_code}, {@code module_name}, {@code error_message} and {@code related_errors}.
 *
 * @param status     the HTTP status code
 * @param code       NSX's error code
 * @param codeAsText true when NSX sends the code as a JSON string (the rate limiter does)
 * @param module     the module that reports it
 * @param message    the human-readable message
 * @param related    nested errors, such as the failures inside a hierarchical PATCH
 */
public record NsxError(
        int status, int code, boolean codeAsText, String module, String message, List<NsxError> related) {

    private static final String POLICY = "Policy";
    private static final String COMMON = "common-services";

    /** Freezes the related errors. */
    public NsxError {
        related = List.copyOf(related);
    }

    /** The object at the path does not exist (404, 600). */
    public static NsxError notFound(String path) {
        return new NsxError(
                404,
                600,
                false,
                COMMON,
                "The requested object : " + path + " could not be found. Object identifiers are case sensitive.",
                List.of());
    }

    /** A referenced or parent path does not name an existing object (400, 500012). */
    public static NsxError invalidPath(String path) {
        return new NsxError(400, 500012, false, POLICY, "The path=[" + path + "] is invalid", List.of());
    }

    /** The object still has children or is referenced (400, 500030). */
    public static NsxError inUse(String path, String by) {
        return new NsxError(
                400,
                500030,
                false,
                POLICY,
                "The object path=[" + path
                        + "] cannot be deleted as either it has children or it is being referenced by other objects path=["
                        + by + "]",
                List.of());
    }

    /** A segment still has ports (400, 503040). */
    public static NsxError segmentHasPorts(String segment, String port) {
        return new NsxError(
                400,
                503040,
                false,
                POLICY,
                "Segment " + segment + " cannot be deleted as it still has VMs/VIFs attached: port " + port,
                List.of());
    }

    /** The client's {@code _revision} is not the stored one (409; code 500087 as NSX uses for stale revisions). */
    public static NsxError staleRevision(String path, String given, long current) {
        return new NsxError(
                409,
                500087,
                false,
                POLICY,
                "The object " + path
                        + " was modified by somebody else: _revision " + given
                        + " was sent but the current revision is "
                        + current + ". Read the object again and retry.",
                List.of());
    }

    /** The body is not valid JSON or holds a property the type does not have (400, 287). */
    public static NsxError unreadable(String detail) {
        return new NsxError(400, 287, false, COMMON, detail, List.of());
    }

    /** A field has a value NSX refuses (400, 255 as for other invalid requests). */
    public static NsxError invalid(String message) {
        return new NsxError(400, 255, false, POLICY, message, List.of());
    }

    /** No address is left to give out (400, 520054). */
    public static NsxError exhausted(String message) {
        return new NsxError(400, 520054, false, POLICY, message, List.of());
    }

    /** Addresses overlap (400, 500105). */
    public static NsxError overlap(String message) {
        return new NsxError(400, 500105, false, POLICY, message, List.of());
    }

    /** The verb is not supported on this path (405). */
    public static NsxError methodNotAllowed(String method, String path) {
        return new NsxError(405, 405, false, COMMON, "Method " + method + " is not supported on " + path, List.of());
    }

    /** Wrong or missing credentials (403, 403). */
    public static NsxError badCredentials() {
        return new NsxError(
                403,
                403,
                false,
                COMMON,
                "The credentials were incorrect or the account specified has been locked.",
                List.of());
    }

    /** The session's XSRF token is missing or wrong (403, 98). */
    public static NsxError badXsrfToken() {
        return new NsxError(403, 98, false, COMMON, "Bad or expired XSRF token", List.of());
    }

    /** The user sent more requests per second than allowed (429, "102"). */
    public static NsxError rateLimited(String user, int perSecond) {
        return new NsxError(
                429,
                102,
                true,
                COMMON,
                "Client '" + user + "' exceeded request rate of " + perSecond + " per second",
                List.of());
    }

    /** The user has too many requests in flight (503). */
    public static NsxError tooManyConcurrent(String user, int limit) {
        return new NsxError(
                503,
                503,
                false,
                COMMON,
                "Client '" + user + "' exceeded the limit of " + limit + " concurrent requests",
                List.of());
    }

    /** A failure injected on purpose by the fault settings. */
    public static NsxError injected(int status) {
        return new NsxError(
                status,
                status == 429 ? 102 : 99,
                status == 429,
                COMMON,
                "Injected failure (simulator fault injection)",
                List.of());
    }

    /** An unexpected failure inside the simulator (500, 99). */
    public static NsxError internal(String message) {
        return new NsxError(500, 99, false, COMMON, message, List.of());
    }

    /** This error with other errors attached as {@code related_errors}. */
    public NsxError withRelated(List<NsxError> more) {
        return new NsxError(status, code, codeAsText, module, message, more);
    }

    /** The error body NSX sends. */
    public ObjectNode toJson() {
        ObjectNode body = Json.object();
        body.put("httpStatus", statusName(status));
        if (codeAsText) {
            body.put("error_code", Integer.toString(code));
        } else {
            body.put("error_code", code);
        }
        body.put("module_name", module);
        body.put("error_message", message);
        if (!related.isEmpty()) {
            related.forEach(r -> body.withArray("related_errors").add(r.toJson()));
        }
        return body;
    }

    private static String statusName(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 409 -> "CONFLICT";
            case 412 -> "PRECONDITION_FAILED";
            case 429 -> "TOO_MANY_REQUESTS";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> "INTERNAL_SERVER_ERROR";
        };
    }
}
