package io.netform.goplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginCertificateTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DNS_NAME = 2;

    private final PluginCertificate generated = PluginCertificate.generate();
    private final X509Certificate certificate = generated.certificate();

    @Test
    void isASelfSignedP521CertificateForLocalhostSignedWithSha512() throws Exception {
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA512withECDSA");
        assertThat(((ECPublicKey) certificate.getPublicKey())
                        .getParams()
                        .getCurve()
                        .getField()
                        .getFieldSize())
                .isEqualTo(521);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost,O=Netform");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getSerialNumber().signum()).isPositive();
    }

    @Test
    void carriesTheExtensionsOfGoPluginsCertificates() throws Exception {
        assertThat(certificate.getBasicConstraints())
                .as("a CA without path length limit")
                .isEqualTo(Integer.MAX_VALUE);
        // digitalSignature, keyEncipherment, keyAgreement, keyCertSign
        assertThat(certificate.getKeyUsage()).startsWith(true, false, true, false, true, true, false, false);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH, SERVER_AUTH);
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(DNS_NAME, "localhost"));
        assertThat(certificate.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.15", "2.5.29.19");
    }

    @Test
    void isValidFromHalfAMinuteAgoForThirtyYears() {
        Instant now = Instant.now();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        assertThat(notBefore).isBetween(now.minus(Duration.ofSeconds(40)), now.minus(Duration.ofSeconds(29)));
        // Beyond 2049, so the end is a GeneralizedTime: the JDK reads it back to the second.
        assertThat(Duration.between(notBefore, notAfter))
                .isEqualTo(Duration.ofHours(262_980).plusSeconds(30));
    }

    @Test
    void travelsAsPemAndAsTheHandshakeFieldWithoutLosingAByte() throws Exception {
        assertThat(PluginCertificate.parsePem(generated.pem()).getEncoded()).isEqualTo(certificate.getEncoded());
        assertThat(generated.handshakeField()).doesNotEndWith("=");
        assertThat(PluginCertificate.parseHandshakeField(generated.handshakeField())
                        .getEncoded())
                .isEqualTo(certificate.getEncoded());
    }

    @Test
    void everyCertificateHasItsOwnKeyAndSerial() {
        PluginCertificate other = PluginCertificate.generate();
        assertThat(other.certificate().getPublicKey()).isNotEqualTo(certificate.getPublicKey());
        assertThat(other.certificate().getSerialNumber()).isNotEqualTo(certificate.getSerialNumber());
    }

    @Test
    void refusesTextThatIsNotACertificate() {
        assertThatThrownBy(() ->
                        PluginCertificate.parsePem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a PEM X.509 certificate");
        assertThatThrownBy(() -> PluginCertificate.parseHandshakeField("bm90IGEgY2VydA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the certificate field is not base64 DER");
    }
}
