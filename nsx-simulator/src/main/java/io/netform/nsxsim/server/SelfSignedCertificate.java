package io.netform.nsxsim.server;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The server's TLS identity: a self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1}, written as PEM to {@code server.crt} (for clients to trust) and
 * {@code server.key} in the data directory, and reused on later starts.
 */
public final class SelfSignedCertificate {

    private static final char[] STORE_PASSWORD = "nsx-sim".toCharArray();
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";
    private final X509Certificate certificate;
    private final PrivateKey key;

    private SelfSignedCertificate(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** Loads {@code server.crt}/{@code server.key} from the directory, or creates and writes them. */
    public static SelfSignedCertificate inDirectory(Path directory) {
        Path crt = directory.resolve("server.crt");
        Path keyFile = directory.resolve("server.key");
        try {
            if (Files.exists(crt) && Files.exists(keyFile)) {
                return read(crt, keyFile);
            }
            SelfSignedCertificate fresh = generate();
            Files.createDirectories(directory);
            Files.writeString(keyFile, pem(fresh.key), StandardCharsets.US_ASCII);
            if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(crt, pem(fresh.certificate), StandardCharsets.US_ASCII);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the simulator certificate in " + directory, e);
        }
    }

    /** A new certificate kept in memory only. */
    public static SelfSignedCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost, O=Netform NSX simulator");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                    pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new SelfSignedCertificate(cert, pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the simulator's self-signed certificate: " + e, e);
        }
    }

    /** The certificate clients should trust. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM form. */
    public String certificatePem() {
        return pem(certificate);
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
            throw new IllegalStateException("cannot set up TLS for the simulator: " + e, e);
        }
    }

    private static SelfSignedCertificate read(Path crt, Path keyFile) throws IOException {
        try (PEMParser certs = new PEMParser(new StringReader(Files.readString(crt)))) {
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate((X509CertificateHolder) certs.readObject());
            String base64 = Files.readString(keyFile).replace(KEY_BEGIN, "").replace(KEY_END, "")
                    .replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new SelfSignedCertificate(cert, key);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IOException(crt + " or " + keyFile + " is not a PEM certificate/PKCS#8 key: " + e, e);
        }
    }

    private static String pem(PrivateKey key) {
        return KEY_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n" + KEY_END + "\n";
    }

    private static String pem(X509Certificate value) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
