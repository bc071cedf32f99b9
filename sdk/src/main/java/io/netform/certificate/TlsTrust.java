package io.netform.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates an NSX client trusts (the provider, and {@code nsx-sim export}): the system's
 * trust store by default, the PEM certificates of {@code ca_file} or {@code ca} instead, or any
 * certificate when {@code allow_unverified_ssl} is set.
 */
public final class TlsTrust {

    private TlsTrust() {}

    /**
     * The TLS context for the settings.
     *
     * @throws IllegalArgumentException naming the file or text that holds no usable certificate
     */
    public static SSLContext context(boolean allowUnverified, String caFile, String caPem) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (allowUnverified) {
                // The JDK client checks host names separately; lab managers rarely have matching ones.
                System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
                context.init(null, new TrustManager[] {new AnyCertificate()}, null);
            } else if (caFile != null || caPem != null) {
                String pem = caPem != null ? caPem : read(caFile);
                context.init(null, trustManagers(pem, caPem != null ? "ca" : caFile), null);
            } else {
                context.init(null, null, null);
            }
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(String pem, String source) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(source + " holds no PEM certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no PEM certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read ca_file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Trusts every certificate: allow_unverified_ssl, for labs only. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
