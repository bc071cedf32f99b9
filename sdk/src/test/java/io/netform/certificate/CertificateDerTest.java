package io.netform.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateDerTest {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    @Test
    void encodesObjectIdentifiersAndLongLengthsAsDer() {
        // 1.2.840.10045.4.3.4 (ecdsa-with-SHA512), a well-known encoding
        assertThat(CertificateDer.oid("1.2.840.10045.4.3.4"))
                .containsExactly(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04);
        assertThat(CertificateDer.tlv(0x04, new byte[200])).startsWith(0x04, 0x81, 0xc8);
        assertThat(CertificateDer.tlv(0x04, new byte[300])).startsWith(0x04, 0x82, 0x01, 0x2c);
        assertThat(CertificateDer.tlv(0x04, new byte[127])).startsWith(0x04, 0x7f);
    }

    @Test
    void aServerCertificateNamesItsHostsAndAddressesAndIsNoAuthority() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        byte[] der = CertificateDer.selfSigned(
                keys,
                BigInteger.TEN,
                now,
                now.plus(Duration.ofDays(1)),
                new CertificateSubject(
                        "localhost",
                        "Netform NSX simulator",
                        List.of("localhost"),
                        List.of(InetAddress.getLoopbackAddress()),
                        false));
        X509Certificate certificate = (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));

        certificate.verify(keys.getPublic());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost,O=Netform NSX simulator");
        assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(certificate.getKeyUsage()).isNull();
        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactly(List.of(DNS_NAME, "localhost"), List.of(IP_ADDRESS, "127.0.0.1"));
        assertThat(Pem.certificate(Pem.of(certificate))).isEqualTo(certificate);
        assertThat(Pem.privateKey(Pem.of(keys.getPrivate()), "EC").getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
    }
}
