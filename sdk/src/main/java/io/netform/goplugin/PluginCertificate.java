package io.netform.goplugin;

import io.netform.certificate.CertificateDer;
import io.netform.certificate.CertificateSubject;
import io.netform.certificate.Pem;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A one-time AutoMTLS identity: a self-signed ECDSA P-521 certificate for {@code localhost},
 * valid for both client and server authentication, as go-plugin generates on each side.
 */
public record PluginCertificate(X509Certificate certificate, PrivateKey privateKey) {

    /** The host's certificate travels to the plugin in this environment variable, as PEM. */
    public static final String CLIENT_CERT_ENVIRONMENT_VARIABLE = "PLUGIN_CLIENT_CERT";

    /** The host name both sides put in and expect from the certificates. */
    public static final String HOST_NAME = "localhost";

    private static final String ORGANIZATION = "Netform";
    private static final Duration BACKDATING = Duration.ofSeconds(30);
    private static final Duration VALIDITY = Duration.ofHours(262_980);
    private static final SecureRandom RANDOM = new SecureRandom();

    public PluginCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Creates a fresh key pair and certificate. */
    public static PluginCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp521r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            byte[] der = CertificateDer.selfSigned(
                    keys,
                    new BigInteger(128, RANDOM),
                    now.minus(BACKDATING),
                    now.plus(VALIDITY),
                    new CertificateSubject(HOST_NAME, ORGANIZATION, List.of(HOST_NAME), List.of(), true));
            return new PluginCertificate(parseDer(der), keys.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the AutoMTLS certificate: " + e, e);
        }
    }

    /** The certificate as PEM, the form of {@code PLUGIN_CLIENT_CERT}. */
    public String pem() {
        return Pem.of(certificate);
    }

    /** The certificate as the handshake line carries it: base64 of the DER, without padding. */
    public String handshakeField() {
        return Base64.getEncoder().withoutPadding().encodeToString(encoded(certificate));
    }

    /**
     * Reads the certificate a host passed in {@code PLUGIN_CLIENT_CERT}.
     *
     * @throws IllegalArgumentException when the text is not a PEM certificate
     */
    public static X509Certificate parsePem(String pem) {
        return Pem.certificate(pem);
    }

    /**
     * Reads the certificate field of a handshake line (padding tolerated).
     *
     * @throws IllegalArgumentException when the field is not base64 DER of a certificate
     */
    public static X509Certificate parseHandshakeField(String field) {
        try {
            return parseDer(Base64.getDecoder().decode(field));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "the certificate field is not base64 DER of an X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    private static X509Certificate parseDer(byte[] der) throws CertificateException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate we hold: " + e, e);
        }
    }
}
