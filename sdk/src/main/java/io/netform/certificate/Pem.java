package io.netform.certificate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** PEM text (RFC 7468) of X.509 certificates and PKCS#8 private keys, written and read. */
public final class Pem {

    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";

    private Pem() {}

    /** The certificate as PEM. */
    public static String of(X509Certificate certificate) {
        try {
            return block(CERTIFICATE, certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate we hold: " + e, e);
        }
    }

    /** The private key as unencrypted PKCS#8 PEM. */
    public static String of(PrivateKey key) {
        return block(PRIVATE_KEY, key.getEncoded());
    }

    /**
     * Reads a PEM certificate.
     *
     * @throws IllegalArgumentException when the text is not a PEM certificate
     */
    public static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads an unencrypted PKCS#8 PEM private key of the algorithm ("EC", "RSA").
     *
     * @throws IllegalArgumentException when the text is not such a key
     */
    public static PrivateKey privateKey(String pem, String algorithm) {
        String base64 = pem.replace("-----BEGIN " + PRIVATE_KEY + "-----", "")
                .replace("-----END " + PRIVATE_KEY + "-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "not a PEM PKCS#8 " + algorithm + " private key (" + e.getMessage() + ")", e);
        }
    }

    private static String block(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
