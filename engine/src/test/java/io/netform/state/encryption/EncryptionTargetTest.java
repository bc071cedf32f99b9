package io.netform.state.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The envelope, the key provider and the methods, against OpenTofu's format and rules. */
class EncryptionTargetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSPHRASE = "correct-horse-battery-staple";
    private static final byte[] STATE = "{\"version\": 4, \"secret\": \"hunter2\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsAStateEncryptedAsOpenTofuEncryptsIt() throws IOException {
        // Made by opentofu-fixture.go.txt beside it: Go's golang.org/x/crypto/pbkdf2 (the library OpenTofu
        // uses) with OpenTofu's defaults, crypto/cipher's AES-GCM, and encoding/json for the envelope.
        byte[] stored = resource("opentofu.tfstate");

        byte[] clear = target(aes("main", PASSPHRASE)).decrypt(stored, "opentofu.tfstate");

        assertThat(clear).isEqualTo(resource("opentofu-clear.tfstate"));
    }

    @Test
    void writesOpenTofusEnvelopeWithThePbkdf2Defaults() throws IOException {
        AesGcmMethod method = new AesGcmMethod(
                "method.aes_gcm.main",
                Pbkdf2KeyProvider.of(
                        "key_provider.pbkdf2.main",
                        PASSPHRASE,
                        Pbkdf2KeyProvider.DEFAULT_KEY_LENGTH,
                        Pbkdf2KeyProvider.DEFAULT_ITERATIONS,
                        Pbkdf2KeyProvider.DEFAULT_HASH_FUNCTION,
                        Pbkdf2KeyProvider.DEFAULT_SALT_LENGTH),
                null);

        byte[] stored = target(method).encrypt(STATE, Map.of("serial", 4));

        JsonNode envelope = JSON.readTree(stored);
        assertThat(envelope.fieldNames())
                .toIterable()
                .containsExactly("serial", "meta", "encrypted_data", "encryption_version");
        assertThat(envelope.path("encryption_version").asText()).isEqualTo("v0");
        JsonNode meta = JSON.readTree(Base64.getDecoder()
                .decode(envelope.path("meta").path("key_provider.pbkdf2.main").asText()));
        assertThat(meta.path("iterations").asInt()).isEqualTo(600_000);
        assertThat(meta.path("hash_function").asText()).isEqualTo("sha512");
        assertThat(meta.path("key_length").asInt()).isEqualTo(32);
        assertThat(Base64.getDecoder().decode(meta.path("salt").asText())).hasSize(32);
        // A 12-byte nonce, the ciphertext, and a 16-byte tag.
        assertThat(Base64.getDecoder().decode(envelope.path("encrypted_data").asText()))
                .hasSize(12 + STATE.length + 16);
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("hunter2");
        assertThat(target(method).decrypt(stored, "s")).isEqualTo(STATE);
    }

    @Test
    void aWrongPassphraseFailsNamingTheSourceAndNotThePassphrase() {
        byte[] stored = target(aes("main", PASSPHRASE)).encrypt(STATE, Map.of());
        String wrong = "not-the-right-passphrase";

        assertThatThrownBy(() -> target(aes("main", wrong)).decrypt(stored, "workspace \"prod\""))
                .isInstanceOf(EncryptionException.class)
                .hasMessageContaining("workspace \"prod\"")
                .hasMessageContaining("decryption of the state failed")
                .hasMessageContaining("method.aes_gcm.main")
                .hasMessageNotContaining(wrong)
                .hasMessageNotContaining(PASSPHRASE);
    }

    @Test
    void aFallbackReadsWhatTheOldKeyWroteAndWritesGoToTheNewOne() {
        AesGcmMethod old = aes("old", PASSPHRASE);
        AesGcmMethod fresh = aes("new", "a-brand-new-passphrase");
        byte[] written = target(old).encrypt(STATE, Map.of());
        EncryptionTarget rotating = new EncryptionTarget("state", fresh, List.of(old), false);

        EncryptionTarget.Opened opened = rotating.open(written, "s");
        byte[] rewritten = rotating.encrypt(opened.clear(), Map.of());

        assertThat(opened.clear()).isEqualTo(STATE);
        assertThat(opened.current()).isFalse();
        assertThat(rotating.open(rewritten, "s").current()).isTrue();
        assertThat(target(fresh).decrypt(rewritten, "s")).isEqualTo(STATE);
        assertThatThrownBy(() -> target(old).decrypt(rewritten, "s")).isInstanceOf(EncryptionException.class);
    }

    @Test
    void dataInClearIsReadOnlyWhenAnUnencryptedMethodAllowsIt() {
        UnencryptedMethod migrate = new UnencryptedMethod("method.unencrypted.migrate");
        AesGcmMethod aes = aes("main", PASSPHRASE);

        assertThatThrownBy(() -> target(aes).decrypt(STATE, "terraform.tfstate"))
                .isInstanceOf(EncryptionException.class)
                .hasMessageContaining("terraform.tfstate: the state is not encrypted");
        EncryptionTarget migrating = new EncryptionTarget("state", aes, List.of(migrate), false);
        assertThat(migrating.open(STATE, "s").clear()).isEqualTo(STATE);
        assertThat(migrating.open(STATE, "s").current()).isFalse();
        assertThat(EncryptionTarget.none("state").decrypt(STATE, "s")).isEqualTo(STATE);
        byte[] encrypted = target(aes).encrypt(STATE, Map.of());
        assertThatThrownBy(() -> EncryptionTarget.none("state").decrypt(encrypted, "s"))
                .isInstanceOf(EncryptionException.class)
                .hasMessageContaining("no encryption method is configured");
    }

    @Test
    void enforcedRefusesToWriteInClear() {
        EncryptionTarget enforced =
                new EncryptionTarget("plan", new UnencryptedMethod("method.unencrypted.x"), List.of(), true);

        assertThatThrownBy(() -> enforced.encrypt(STATE, Map.of()))
                .isInstanceOf(EncryptionException.class)
                .hasMessageContaining("encryption of the plan is enforced");
    }

    @Test
    void passphrasesAndParametersFollowOpenTofusRules() {
        assertThatThrownBy(() -> Pbkdf2KeyProvider.of("k", "fifteen-chars!!", 32, 600_000, "sha512", 32))
                .hasMessage("the passphrase is too short (minimum 16 characters)");
        // OpenTofu counts bytes: eight two-byte characters make sixteen.
        assertThat(Pbkdf2KeyProvider.of("k", "ääääääää", 32, 600_000, "sha512", 32))
                .isNotNull();
        assertThatThrownBy(() -> Pbkdf2KeyProvider.of("k", PASSPHRASE, 32, 199_999, "sha512", 32))
                .hasMessageContaining("dangerously low");
        assertThatThrownBy(() -> Pbkdf2KeyProvider.of("k", PASSPHRASE, 32, 600_000, "md5", 32))
                .hasMessageContaining("invalid hash function");
    }

    private static EncryptionTarget target(EncryptionMethod method) {
        return new EncryptionTarget("state", method, List.of(), false);
    }

    private static AesGcmMethod aes(String name, String passphrase) {
        return new AesGcmMethod(
                "method.aes_gcm." + name,
                Pbkdf2KeyProvider.of("key_provider.pbkdf2." + name, passphrase, 32, 200_000, "sha256", 16),
                null);
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = EncryptionTargetTest.class.getResourceAsStream("/state/encryption/" + name)) {
            return Objects.requireNonNull(in).readAllBytes();
        }
    }
}
