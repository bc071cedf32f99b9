package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/**
 * rsadecrypt: base64 ciphertext decrypted with RSA PKCS#1 v1.5 padding by a PEM private key in PKCS#1
 * ({@code RSA PRIVATE KEY}) or PKCS#8 ({@code PRIVATE KEY}) form, with the messages Terraform gives.
 * Unlike Terraform, a key in OpenSSH's own format is refused, saying how to convert it.
 */
final class RsaDecrypt {
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

    private RsaDecrypt() {}

    static Function function() {
        return Function.builder("rsadecrypt")
                .param("ciphertext", Type.STRING)
                .param("privatekey", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    String text = args.get(0).asString();
                    byte[] ciphertext;
                    try {
                        ciphertext = GoBase64.decode(text);
                    } catch (GoBase64.CorruptInputException e) {
                        throw FunctionException.argument(
                                0,
                                "failed to decode input " + GoText.quote(text)
                                        + ": cipher text must be base64-encoded");
                    }
                    PrivateKey key = privateKey(args.get(1).asString());
                    try {
                        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                        rsa.init(Cipher.DECRYPT_MODE, key);
                        return Value.string(new String(rsa.doFinal(ciphertext), StandardCharsets.UTF_8));
                    } catch (GeneralSecurityException e) {
                        throw new FunctionException("failed to decrypt: crypto/rsa: decryption error");
                    }
                })
                .build();
    }

    /** The RSA key in the first PEM block of {@code pem}, read as Go's ssh.ParseRawPrivateKey reads it. */
    private static PrivateKey privateKey(String pem) throws FunctionException {
        Matcher block = PEM.matcher(pem);
        if (!block.find()) {
            throw invalidKey("ssh: no key found");
        }
        String type = block.group(1);
        String body = block.group(2);
        if (body.contains("Proc-Type:") && body.contains("ENCRYPTED")) {
            throw invalidKey("ssh: this private key is passphrase protected");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body.replaceAll("(?m)^[A-Za-z-]+:.*$", ""));
        } catch (IllegalArgumentException e) {
            throw invalidKey("ssh: no key found");
        }
        try {
            return switch (type) {
                case "RSA PRIVATE KEY" -> KeyDer.pkcs1(der);
                case "PRIVATE KEY" -> KeyDer.pkcs8(der);
                case "EC PRIVATE KEY", "DSA PRIVATE KEY" ->
                    throw FunctionException.argument(
                            1,
                            "invalid private key type: " + type.substring(0, type.indexOf(" PRIVATE KEY"))
                                    + " keys cannot decrypt, an RSA key is required");
                // Terraform also reads keys in OpenSSH's own format; Netform asks for them in PEM.
                case "OPENSSH PRIVATE KEY" ->
                    throw invalidKey("keys in OpenSSH's format are not supported;"
                            + " write the key in PEM form (ssh-keygen -p -m PEM -f KEYFILE) and pass that");
                default -> throw invalidKey("ssh: unsupported key type " + GoText.quote(type));
            };
        } catch (IllegalArgumentException | IllegalStateException | GeneralSecurityException e) {
            throw FunctionException.argument(1, "invalid ASN1 data in the given private key: " + e.getMessage());
        }
    }

    private static FunctionException invalidKey(String reason) {
        return FunctionException.argument(1, "invalid private key: " + reason);
    }

    /**
     * The key's DER read with BouncyCastle's ASN.1 classes, which are apart so that building the function
     * table loads none: their signed jar costs every command a signature check of ~0.15 s when loaded.
     */
    private static final class KeyDer {

        static PrivateKey pkcs1(byte[] der) throws GeneralSecurityException {
            RSAPrivateKey k = RSAPrivateKey.getInstance(der);
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new RSAPrivateCrtKeySpec(
                            k.getModulus(),
                            k.getPublicExponent(),
                            k.getPrivateExponent(),
                            k.getPrime1(),
                            k.getPrime2(),
                            k.getExponent1(),
                            k.getExponent2(),
                            k.getCoefficient()));
        }

        static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException, FunctionException {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
            if (!info.getPrivateKeyAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
                throw FunctionException.argument(
                        1,
                        "invalid private key type: the PKCS#8 key is not an RSA key ("
                                + info.getPrivateKeyAlgorithm().getAlgorithm() + "), an RSA key is required");
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
    }
}
