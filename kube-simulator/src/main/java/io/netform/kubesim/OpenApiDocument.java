package io.netform.kubesim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code /openapi/v2}: a Swagger 2.0 document with no paths and no definitions, in protobuf (what
 * kubectl asks for) or JSON. kubectl will not create or apply from a file without one; finding no
 * schema for a kind, it validates nothing client-side, and finding no PATCH operation, it knows
 * the server does not validate fields either, which is true of the simulator. There is no
 * {@code /openapi/v3}, so kubectl takes this one.
 */
final class OpenApiDocument {

    static final String PATH = "/openapi/v2";

    /** As kube-apiserver answers it: the Accept header's {@code @} is no valid media type character. */
    private static final String PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    private OpenApiDocument() {}

    /** The document in the first of protobuf or JSON that the client accepts. */
    static MockResponse response(String accept) {
        if (accept != null && accept.contains("protobuf")) {
            return new MockResponse()
                    .setResponseCode(200)
                    .setHeader("Content-Type", PROTOBUF)
                    .setBody(protobuf());
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("swagger", "2.0");
        document.putObject("info").put("title", "Kubernetes").put("version", Discovery.KUBERNETES_VERSION);
        document.putObject("paths");
        document.putObject("definitions");
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody(document.toString());
    }

    /** gnostic's openapi_v2.Document: swagger (field 1) and info (field 2: title 1, version 2). */
    private static byte[] protobuf() {
        try {
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            CodedOutputStream infoOut = CodedOutputStream.newInstance(info);
            infoOut.writeString(1, "Kubernetes");
            infoOut.writeString(2, Discovery.KUBERNETES_VERSION);
            infoOut.flush();
            ByteArrayOutputStream document = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(document);
            out.writeString(1, "2.0");
            out.writeBytes(2, ByteString.copyFrom(info.toByteArray()));
            out.flush();
            return document.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
    }
}
