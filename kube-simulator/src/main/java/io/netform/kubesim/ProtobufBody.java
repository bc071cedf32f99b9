package io.netform.kubesim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * A request body in Kubernetes' protobuf encoding (the {@code k8s\0} envelope around a
 * {@code runtime.Unknown}), as {@code kubectl create namespace|configmap|secret} send it, turned into
 * the JSON object fabric8's store keeps. Only those kinds are read (metadata name, namespace, labels,
 * annotations, finalizers; a ConfigMap's and a Secret's data); any other kind is refused with the
 * reason, as JSON and YAML bodies of every kind are accepted.
 */
final class ProtobufBody {

    /** The media type of such bodies. */
    static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    /** The kinds whose protobuf bodies are read. */
    static final Set<String> KINDS = Set.of("Namespace", "ConfigMap", "Secret");

    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProtobufBody() {}

    /**
     * The object in the body.
     *
     * @throws IllegalArgumentException when it is no such body or of a kind not read
     */
    static ObjectNode decode(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("the body does not start with Kubernetes' protobuf envelope k8s\\0");
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(body, MAGIC.length, body.length - MAGIC.length);
            String apiVersion = "";
            String kind = "";
            ByteString raw = ByteString.EMPTY;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1 -> {
                        CodedInputStream typeMeta = in.readBytes().newCodedInput();
                        for (int t = typeMeta.readTag(); t != 0; t = typeMeta.readTag()) {
                            switch (WireFormat.getTagFieldNumber(t)) {
                                case 1 -> apiVersion = typeMeta.readString();
                                case 2 -> kind = typeMeta.readString();
                                default -> typeMeta.skipField(t);
                            }
                        }
                    }
                    case 2 -> raw = in.readBytes();
                    default -> in.skipField(tag);
                }
            }
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("kube-sim reads protobuf bodies of "
                        + String.join(", ", KINDS.stream().sorted().toList())
                        + " only, not of " + (kind.isEmpty() ? "an unnamed kind" : kind)
                        + "; send it as JSON or YAML (kubectl apply -f FILE)");
            }
            ObjectNode object = JSON.objectNode().put("apiVersion", apiVersion).put("kind", kind);
            readObject(raw.newCodedInput(), kind, object);
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("the protobuf body is malformed: " + e.getMessage(), e);
        }
    }

    /** A Namespace, ConfigMap or Secret: field 1 is the metadata in all three. */
    private static void readObject(CodedInputStream in, String kind, ObjectNode object) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1) {
                readMetadata(in.readBytes().newCodedInput(), object.putObject("metadata"));
            } else if (kind.equals("Namespace") && field == 2) {
                readFinalizers(in.readBytes().newCodedInput(), object.putObject("spec"), 1);
            } else if (kind.equals("ConfigMap") && field == 2) {
                readEntry(in.readBytes().newCodedInput(), object.withObjectProperty("data"), false);
            } else if (kind.equals("ConfigMap") && field == 3) {
                readEntry(in.readBytes().newCodedInput(), object.withObjectProperty("binaryData"), true);
            } else if (kind.equals("Secret") && field == 2) {
                readEntry(in.readBytes().newCodedInput(), object.withObjectProperty("data"), true);
            } else if (kind.equals("Secret") && field == 3) {
                putNonEmpty(object, "type", in.readString());
            } else if (kind.equals("Secret") && field == 4) {
                readEntry(in.readBytes().newCodedInput(), object.withObjectProperty("stringData"), false);
            } else if ((kind.equals("ConfigMap") && field == 4) || (kind.equals("Secret") && field == 5)) {
                object.put("immutable", in.readBool());
            } else {
                in.skipField(tag);
            }
        }
    }

    private static void readMetadata(CodedInputStream in, ObjectNode metadata) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> putNonEmpty(metadata, "name", in.readString());
                case 2 -> putNonEmpty(metadata, "generateName", in.readString());
                case 3 -> putNonEmpty(metadata, "namespace", in.readString());
                case 11 -> readEntry(in.readBytes().newCodedInput(), metadata.withObjectProperty("labels"), false);
                case 12 -> readEntry(in.readBytes().newCodedInput(), metadata.withObjectProperty("annotations"), false);
                case 14 -> metadata.withArray("finalizers").add(in.readString());
                default -> in.skipField(tag);
            }
        }
    }

    private static void readFinalizers(CodedInputStream in, ObjectNode spec, int field) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == field) {
                spec.withArray("finalizers").add(in.readString());
            } else {
                in.skipField(tag);
            }
        }
    }

    /** One map entry (key 1, value 2); bytes values become base64, as JSON carries them. */
    private static void readEntry(CodedInputStream in, ObjectNode map, boolean bytes) throws IOException {
        String key = "";
        String value = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> key = in.readString();
                case 2 -> value = bytes ? Base64.getEncoder().encodeToString(in.readByteArray()) : in.readString();
                default -> in.skipField(tag);
            }
        }
        map.put(key, value);
    }

    private static void putNonEmpty(ObjectNode object, String name, String value) {
        if (!value.isEmpty()) {
            object.put(name, value);
        }
    }
}
