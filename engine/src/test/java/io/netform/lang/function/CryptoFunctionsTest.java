package io.netform.lang.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netform.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bcrypt, uuid and rsadecrypt, whose results cannot be written down ahead in the corpus. */
class CryptoFunctionsTest {
    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.terraform(Path.of("."));
    private static KeyPair rsa;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
    }

    private static Value call(String name, Value... args) throws FunctionException {
        return FUNCTIONS.lookup(name).orElseThrow().call(List.of(args));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String encrypt(PublicKey key, String text) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return Base64.getEncoder().encodeToString(cipher.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bcryptHashesWithCostTenByDefaultInTheTwoAFormat() throws FunctionException {
        String hash = call("bcrypt", Value.string("hello world")).asString();

        assertThat(hash).startsWith("$2a$10$").hasSize(60);
        assertThat(OpenBSDBCrypt.checkPassword(hash, "hello world".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(OpenBSDBCrypt.checkPassword(hash, "hello World".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void bcryptTakesACostAndRaisesOneBelowTheMinimumToTheDefaultAsGoDoes() throws FunctionException {
        assertThat(call("bcrypt", Value.string("pw"), Value.number(5)).asString())
                .startsWith("$2a$05$");
        assertThat(call("bcrypt", Value.string("pw"), Value.number(2)).asString())
                .startsWith("$2a$10$");
    }

    @Test
    void bcryptSaltsEveryCallAfresh() throws FunctionException {
        assertThat(call("bcrypt", Value.string("pw"), Value.number(4)))
                .isNotEqualTo(call("bcrypt", Value.string("pw"), Value.number(4)));
    }

    @Test
    void uuidIsARandomVersionFourUuid() throws FunctionException {
        String first = call("uuid").asString();

        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(call("uuid").asString()).isNotEqualTo(first);
    }

    @Test
    void rsadecryptReadsAPkcs1Key() throws Exception {
        byte[] pkcs1 = PrivateKeyInfo.getInstance(rsa.getPrivate().getEncoded())
                .parsePrivateKey()
                .toASN1Primitive()
                .getEncoded();
        String key = pem("RSA PRIVATE KEY", pkcs1);

        Value plain = call("rsadecrypt", Value.string(encrypt(rsa.getPublic(), "Hello, world!")), Value.string(key));

        assertThat(plain).isEqualTo(Value.string("Hello, world!"));
    }

    @Test
    void rsadecryptReadsAPkcs8Key() throws Exception {
        String key = pem("PRIVATE KEY", rsa.getPrivate().getEncoded());

        Value plain = call("rsadecrypt", Value.string(encrypt(rsa.getPublic(), "☃")), Value.string(key));

        assertThat(plain).isEqualTo(Value.string("☃"));
    }

    @Test
    void rsadecryptRefusesCiphertextThatIsNotBase64() {
        FunctionException e = catchThrowableOfType(
                FunctionException.class,
                () -> call(
                        "rsadecrypt",
                        Value.string("not base64!"),
                        Value.string(pem("PRIVATE KEY", rsa.getPrivate().getEncoded()))));

        assertThat(e.argumentIndex()).isEqualTo(OptionalInt.of(0));
        assertThat(e.detail())
                .isEqualTo("Invalid value for \"ciphertext\" parameter: failed to decode input"
                        + " \"not base64!\": cipher text must be base64-encoded.");
    }

    @Test
    void rsadecryptRefusesAKeyThatIsNotPem() {
        FunctionException e = catchThrowableOfType(
                FunctionException.class, () -> call("rsadecrypt", Value.string("aGk="), Value.string("not a key")));

        assertThat(e.argumentIndex()).isEqualTo(OptionalInt.of(1));
        assertThat(e.detail())
                .isEqualTo("Invalid value for \"privatekey\" parameter: invalid private key: ssh: no key found.");
    }

    @Test
    void rsadecryptRefusesAKeyThatIsNotRsa() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        String key = pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded());

        FunctionException e = catchThrowableOfType(
                FunctionException.class, () -> call("rsadecrypt", Value.string("aGk="), Value.string(key)));

        assertThat(e.argumentIndex()).isEqualTo(OptionalInt.of(1));
        assertThat(e.detail()).startsWith("Invalid value for \"privatekey\" parameter: invalid private key type");
    }

    @Test
    void rsadecryptRefusesAKeyInOpenSshsFormatSayingHowToConvertIt() {
        FunctionException e = catchThrowableOfType(
                FunctionException.class,
                () -> call(
                        "rsadecrypt", Value.string("aGk="), Value.string(pem("OPENSSH PRIVATE KEY", new byte[] {1, 2, 3
                        }))));

        assertThat(e.argumentIndex()).isEqualTo(OptionalInt.of(1));
        assertThat(e.detail())
                .isEqualTo("Invalid value for \"privatekey\" parameter: invalid private key: keys in"
                        + " OpenSSH's format are not supported; write the key in PEM form (ssh-keygen -p -m PEM -f KEYFILE)"
                        + " and pass that.");
    }

    @Test
    void rsadecryptWithTheWrongKeyFailsTheCall() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String other =
                pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());

        FunctionException e = catchThrowableOfType(
                FunctionException.class,
                () -> call("rsadecrypt", Value.string(encrypt(rsa.getPublic(), "secret")), Value.string(other)));

        assertThat(e.argumentIndex()).isEmpty();
        assertThat(e.detail())
                .isEqualTo("Call to function \"rsadecrypt\" failed: failed to decrypt: crypto/rsa: decryption error.");
    }
}
