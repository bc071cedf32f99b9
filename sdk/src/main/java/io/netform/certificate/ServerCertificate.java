package io.netform.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A simulator's TLS identity: a self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1}, written as PEM to {@code server.crt} (for clients to trust) and
 * {@code server.key} in the data directory, and reused on later starts.
 */
public final class ServerCertificate {

    private static final char[] STORE_PASSWORD = "simulator".toCharArray();
    private final X509Certificate certificate;
    private final PrivateKey key;

    private ServerCertificate(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /**
     * Loads {@code server.crt}/{@code server.key} from the directory, or creates them for the
     * organization (the subject's O, naming the simulator) and writes them.
     */
    public static ServerCertificate inDirectory(Path directory, String organization) {
        Path crt = directory.resolve("server.crt");
        Path keyFile = directory.resolve("server.key");
        try {
            if (Files.exists(crt) && Files.exists(keyFile)) {
                return read(crt, keyFile);
            }
            ServerCertificate fresh = generate(organization);
            Files.createDirectories(directory);
            Files.writeString(keyFile, Pem.of(fresh.key), StandardCharsets.US_ASCII);
            if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(crt, Pem.of(fresh.certificate), StandardCharsets.US_ASCII);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the server certificate in " + directory, e);
        }
    }

    /** A new certificate for the organization, kept in memory only. */
    public static ServerCertificate generate(String organization) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            byte[] der = CertificateDer.selfSigned(
                    pair,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                    now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(3650)),
                    new CertificateSubject(
                            "localhost",
                            organization,
                            List.of("localhost"),
                            List.of(InetAddress.getLoopbackAddress()),
                            false));
            X509Certificate cert = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return new ServerCertificate(cert, pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a self-signed server certificate: " + e, e);
        }
    }

    /** The certificate clients should trust. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM form. */
    public String certificatePem() {
        return Pem.of(certificate);
    }

    /** A TLS context that presents this certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, STORE_PASSWORD, new java.security.cert.Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with the server certificate: " + e, e);
        }
    }

    private static ServerCertificate read(Path crt, Path keyFile) throws IOException {
        try {
            return new ServerCertificate(
                    Pem.certificate(Files.readString(crt)), Pem.privateKey(Files.readString(keyFile), "EC"));
        } catch (IllegalArgumentException e) {
            throw new IOException(crt + " or " + keyFile + " is not a PEM certificate/PKCS#8 key: " + e, e);
        }
    }
}
