package io.netform.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Bodies captured from kubectl 1.32's {@code create namespace team-a} and {@code create secret generic s1 -n team-a --from-literal=p=q}. */
class ProtobufBodyTest {

    @Test
    void aNamespaceFromKubectlCreate() throws IOException {
        assertThat(ProtobufBody.decode(fixture("kubectl-create-namespace.pb")).toString())
                .isEqualTo(
                        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team-a\"},\"spec\":{}}");
    }

    @Test
    void aSecretsDataBecomesBase64() throws IOException {
        assertThat(ProtobufBody.decode(fixture("kubectl-create-secret.pb")).toString())
                .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                        + "\"metadata\":{\"name\":\"s1\",\"namespace\":\"team-a\"},\"data\":{\"p\":\"cQ==\"}}");
    }

    @Test
    void anotherKindIsRefusedWithTheWayOut() throws IOException {
        ByteArrayOutputStream typeMeta = new ByteArrayOutputStream();
        CodedOutputStream typeMetaOut = CodedOutputStream.newInstance(typeMeta);
        typeMetaOut.writeString(1, "v1");
        typeMetaOut.writeString(2, "Service");
        typeMetaOut.flush();
        ByteArrayOutputStream service = new ByteArrayOutputStream();
        service.write(new byte[] {'k', '8', 's', 0});
        CodedOutputStream out = CodedOutputStream.newInstance(service);
        out.writeBytes(1, ByteString.copyFrom(typeMeta.toByteArray()));
        out.flush();

        assertThatThrownBy(() -> ProtobufBody.decode(service.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not of Service")
                .hasMessageContaining("kubectl apply -f");
        assertThatThrownBy(() -> ProtobufBody.decode("{}".getBytes())).hasMessageContaining("k8s\\0");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ProtobufBodyTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
