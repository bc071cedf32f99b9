package io.netform.goplugin;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A one-time AutoMTLS identity: a self-signed ECDSA P-521 certificate for {@code localhost},
 * valid for both client and server authentication, as go-plugin generates on each side.
 */
public record PluginCertificate(X509Certificate certificate, PrivateKey privateKey) {

    /** The host's certificate travels to the plugin in this environment variable, as PEM. */
    public static final String CLIENT_CERT_ENVIRONMENT_VARIABLE = "PLUGIN_CLIENT_CERT";

    /** The host name both sides put in and expect from the certificates. */
    public static final String HOST_NAME = "localhost";

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
            // The JDK's own EC and signature providers: registering BouncyCastle's provider would
            // cost plugin start-up time for nothing.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp521r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            byte[] der =
                    certificateBuilder(keys)
                            .build(new JcaContentSignerBuilder("SHA512withECDSA").build(keys.getPrivate()))
                            .getEncoded();
            return new PluginCertificate(parseDer(der), keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create the AutoMTLS certificate: " + e, e);
        }
    }

    private static X509v3CertificateBuilder certificateBuilder(KeyPair keys) throws CertIOException {
        X500Name subject = new X500Name("CN=" + HOST_NAME + ",O=Netform");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder =
                new JcaX509v3CertificateBuilder(
                        subject,
                        new BigInteger(128, RANDOM),
                        Date.from(now.minus(BACKDATING)),
                        Date.from(now.plus(VALIDITY)),
                        subject,
                        keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement | KeyUsage.keyCertSign));
        builder.addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, HOST_NAME)));
        return builder;
    }

    /** The certificate as PEM, the form of {@code PLUGIN_CLIENT_CERT}. */
    public String pem() {
        return toPem(certificate);
    }

    /** The certificate as the handshake line carries it: base64 of the DER, without padding. */
    public String handshakeField() {
        return Base64.getEncoder().withoutPadding().encodeToString(encoded(certificate));
    }

    /** PEM encoding of any certificate. */
    static String toPem(X509Certificate certificate) {
        String body =
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(encoded(certificate));
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    /**
     * Reads the certificate a host passed in {@code PLUGIN_CLIENT_CERT}.
     *
     * @throws IllegalArgumentException when the text is not a PEM certificate
     */
    public static X509Certificate parsePem(String pem) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate (" + e.getMessage() + ")", e);
        }
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
                    "the certificate field is not base64 DER of an X.509 certificate (" + e.getMessage() + ")",
                    e);
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
