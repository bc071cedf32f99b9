package io.netform.kubesim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/** A Kubernetes {@code Status} error body, as the API server answers a refused request. */
final class KubeStatus {

    private KubeStatus() {}

    /** An error response with the status code, the reason (e.g. {@code NotFound}) and the message. */
    static MockResponse failure(int code, String reason, String message, String kind, String name) {
        ObjectNode status =
                JsonNodeFactory.instance.objectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", reason);
        if (kind != null) {
            ObjectNode details = status.putObject("details");
            if (name != null) {
                details.put("name", name);
            }
            details.put("kind", kind);
        }
        status.put("code", code);
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(status.toString());
    }
}
