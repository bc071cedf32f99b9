package io.netform.nsxt.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.json.ExactJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * NSX refused a call: the HTTP status and what NSX's error body says (error_code,
 * error_message, related_errors), or a connection failure after every retry.
 */
public final class NsxApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = ExactJson.MAPPER;

    private final int status;
    private final String errorCode;
    private final String errorMessage;
    private final List<String> related;
    private final String call;

    private NsxApiException(String call, int status, String errorCode, String errorMessage, List<String> related) {
        super(describe(call, status, errorCode, errorMessage, related));
        this.call = call;
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.related = List.copyOf(related);
    }

    /** The error NSX answered with. */
    public static NsxApiException of(NsxRequest request, NsxResponse response) {
        String code = "";
        String message = "";
        List<String> related = new ArrayList<>();
        try {
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            code = body.path("error_code").asText("");
            message = body.path("error_message").asText("");
            for (JsonNode r : body.path("related_errors")) {
                related.add(r.path("error_message").asText()
                        + codeSuffix(r.path("error_code").asText("")));
            }
        } catch (IOException e) {
            message = response.body().strip();
        }
        if (message.isEmpty()) {
            message = "HTTP " + response.status() + " without an error message";
        }
        return new NsxApiException(request.toString(), response.status(), code, message, related);
    }

    /** The connection failed on every attempt. */
    public static NsxApiException unreachable(NsxRequest request, String endpoint, IOException cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        NsxApiException e = new NsxApiException(
                request.toString(), 0, "", "Cannot reach NSX Manager at " + endpoint + ": " + reason, List.of());
        e.initCause(cause);
        return e;
    }

    /** The manager's certificate is not trusted; retrying cannot help. */
    public static NsxApiException untrusted(NsxRequest request, String endpoint, IOException cause) {
        NsxApiException e = new NsxApiException(
                request.toString(),
                0,
                "",
                "The TLS certificate of " + endpoint
                        + " is not trusted (" + cause.getMessage()
                        + "). Set ca_file or ca to the manager's CA certificate,"
                        + " or allow_unverified_ssl = true in a lab.",
                List.of());
        e.initCause(cause);
        return e;
    }

    /** NSX accepted the intent but could not realize it. */
    public static NsxApiException realization(String intentPath, String message) {
        return new NsxApiException("realization of " + intentPath, 0, "", message, List.of());
    }

    /** HTTP status; 0 when the manager could not be reached. */
    public int status() {
        return status;
    }

    /** NSX's error_code, as text (NSX sends numbers and strings); empty when none. */
    public String errorCode() {
        return errorCode;
    }

    /** NSX's error_message. */
    public String errorMessage() {
        return errorMessage;
    }

    /** Whether NSX says the object does not exist. */
    public boolean isNotFound() {
        return status == 404;
    }

    /** Whether NSX refused a delete because other objects still refer to the object (500030). */
    public boolean isStillReferenced() {
        return "500030".equals(errorCode) || "503040".equals(errorCode);
    }

    /** Whether NSX refused a write because the object changed since it was read (a stale _revision). */
    public boolean isStaleRevision() {
        return status == 409
                || status == 412
                || java.util.Set.of("500087", "500232", "100148", "500090").contains(errorCode);
    }

    /** The call that failed, e.g. {@code PATCH /infra/segments/web}. */
    public String call() {
        return call;
    }

    /** The text for a user: NSX's message with its code and related errors, and the call. */
    public String detail() {
        StringBuilder text = new StringBuilder(errorMessage).append(codeSuffix(errorCode));
        related.forEach(r -> text.append("\n  - ").append(r));
        text.append("\n(")
                .append(call)
                .append(status == 0 ? "" : " answered HTTP " + status)
                .append(')');
        return text.toString();
    }

    private static String codeSuffix(String code) {
        return code.isEmpty() ? "" : " (error code " + code + ")";
    }

    private static String describe(String call, int status, String code, String message, List<String> related) {
        return call + ": " + (status == 0 ? "" : "HTTP " + status + " ") + message + codeSuffix(code)
                + (related.isEmpty() ? "" : " " + related);
    }
}
