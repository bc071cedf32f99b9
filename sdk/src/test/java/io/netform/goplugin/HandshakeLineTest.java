package io.netform.goplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HandshakeLineTest {

    @Test
    void readsTheLineATerraformProviderPrints() {
        HandshakeLine line = HandshakeLine.parse("1|6|unix|/tmp/plugin123|grpc|\n");
        assertThat(line.coreVersion()).isEqualTo(1);
        assertThat(line.appVersion()).isEqualTo(6);
        assertThat(line.address()).isEqualTo(new PluginAddress.UnixSocket(Path.of("/tmp/plugin123")));
        assertThat(line.protocol()).isEqualTo("grpc");
        assertThat(line.hasServerCertificate()).isFalse();
    }

    @Test
    void readsTcpAddressesAndDefaultsToNetRpcLikeGoPlugin() {
        HandshakeLine line = HandshakeLine.parse("1|5|tcp|127.0.0.1:1234");
        assertThat(line.address()).isEqualTo(new PluginAddress.Tcp("127.0.0.1", 1234));
        assertThat(line.protocol()).isEqualTo("netrpc");
    }

    @Test
    void printsWhatItReads() {
        String text = "1|6|unix|/tmp/plugin42|grpc|" + "A".repeat(60);
        HandshakeLine line = HandshakeLine.parse(text);
        assertThat(line.format()).isEqualTo(text);
        assertThat(line.hasServerCertificate()).isTrue();
    }

    @Test
    void treatsAShortLastFieldAsNoCertificateAsGoPluginDoes() {
        assertThat(HandshakeLine.parse("1|6|unix|/tmp/p|grpc|extra").hasServerCertificate())
                .isFalse();
    }

    @Test
    void saysWhatIsWrongWithAMalformedLine() {
        assertThatThrownBy(() -> HandshakeLine.parse("hello"))
                .hasMessage("expected CORE|APP|NETWORK|ADDRESS|PROTOCOL|CERT but found 1 field(s)");
        assertThatThrownBy(() -> HandshakeLine.parse("one|6|unix|/tmp/p|grpc|"))
                .hasMessage("the core protocol version 'one' is not a number");
        assertThatThrownBy(() -> HandshakeLine.parse("1|6|pipe|/tmp/p|grpc|"))
                .hasMessage("unknown network type 'pipe'");
    }
}
