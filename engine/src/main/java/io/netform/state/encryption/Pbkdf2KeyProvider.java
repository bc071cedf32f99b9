package io.netform.state.encryption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.ExactJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * OpenTofu's {@code key_provider "pbkdf2"}: keys derived from a passphrase with PBKDF2. Each write uses
 * a fresh random salt, recorded with the other parameters in the envelope's {@code meta} under the key
 * provider's address, so a read derives the same key whatever the configuration's parameters are now.
 */
public final class Pbkdf2KeyProvider {

    /** OpenTofu's defaults and limits. */
    public static final int DEFAULT_KEY_LENGTH = 32;

    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MINIMUM_ITERATIONS = 200_000;
    public static final int DEFAULT_SALT_LENGTH = 32;
    public static final String DEFAULT_HASH_FUNCTION = "sha512";
    public static final int MINIMUM_PASSPHRASE_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> ALGORITHMS =
            Map.of("sha256", "PBKDF2WithHmacSHA256", "sha512", "PBKDF2WithHmacSHA512");

    private final String address;
    private final String passphrase;
    private final Parameters parameters;
    /** Derived once per provider: PBKDF2 is slow on purpose, and one command may write many times. */
    private final Map<Parameters, byte[]> derived = new ConcurrentHashMap<>();

    private Pbkdf2KeyProvider(String address, String passphrase, Parameters parameters) {
        this.address = address;
        this.passphrase = passphrase;
        this.parameters = parameters;
    }

    /**
     * A key provider at {@code address} ({@code key_provider.pbkdf2.NAME}).
     *
     * @throws IllegalArgumentException saying which setting breaks OpenTofu's rules (never the passphrase)
     */
    public static Pbkdf2KeyProvider of(
            String address, String passphrase, int keyLength, int iterations, String hashFunction, int saltLength) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("no passphrase provided");
        }
        // In bytes of UTF-8, as OpenTofu counts.
        if (passphrase.getBytes(StandardCharsets.UTF_8).length < MINIMUM_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException(
                    "the passphrase is too short (minimum " + MINIMUM_PASSPHRASE_LENGTH + " characters)");
        }
        if (keyLength <= 0) {
            throw new IllegalArgumentException("the key length must be larger than zero");
        }
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException("the number of iterations is dangerously low (<" + MINIMUM_ITERATIONS
                    + "), refusing to generate a key");
        }
        if (saltLength <= 0) {
            throw new IllegalArgumentException("the salt length must be larger than zero");
        }
        if (!ALGORITHMS.containsKey(hashFunction)) {
            throw new IllegalArgumentException(
                    "invalid hash function name \"" + hashFunction + "\" (sha256 or sha512)");
        }
        byte[] salt = new byte[saltLength];
        RANDOM.nextBytes(salt);
        return new Pbkdf2KeyProvider(address, passphrase, new Parameters(salt, iterations, hashFunction, keyLength));
    }

    /** The address its metadata is stored under: {@code key_provider.pbkdf2.NAME}. */
    public String address() {
        return address;
    }

    /** The key to encrypt with, derived with this provider's own salt. */
    byte[] encryptionKey() {
        return derive(parameters);
    }

    /** The metadata to store beside data encrypted with {@link #encryptionKey}, as OpenTofu stores it. */
    String metadata() {
        ObjectNode meta = ExactJson.MAPPER.createObjectNode();
        meta.put("salt", Base64.getEncoder().encodeToString(parameters.salt()));
        meta.put("iterations", parameters.iterations());
        meta.put("hash_function", parameters.hashFunction());
        meta.put("key_length", parameters.keyLength());
        try {
            return Base64.getEncoder().encodeToString(ExactJson.MAPPER.writeValueAsBytes(meta));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key data encrypted under {@code stored} (this provider's metadata from an envelope) was made with.
     *
     * @throws EncryptionException when the metadata is missing or malformed
     */
    byte[] decryptionKey(String stored) {
        if (stored == null) {
            throw new EncryptionException(
                    "the data holds no metadata for " + address + " (it was encrypted with another key provider)");
        }
        try {
            JsonNode meta = ExactJson.MAPPER.readTree(Base64.getDecoder().decode(stored));
            Parameters p = new Parameters(
                    Base64.getDecoder().decode(meta.path("salt").asText("")),
                    meta.path("iterations").asInt(0),
                    meta.path("hash_function").asText(""),
                    meta.path("key_length").asInt(0));
            if (p.salt().length == 0
                    || p.iterations() <= 0
                    || p.keyLength() <= 0
                    || !ALGORITHMS.containsKey(p.hashFunction())) {
                throw new EncryptionException("the metadata of " + address + " is invalid");
            }
            return derive(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new EncryptionException("the metadata of " + address + " is not readable: " + e.getMessage(), e);
        }
    }

    private byte[] derive(Parameters p) {
        return derived.computeIfAbsent(p, key -> {
            PBEKeySpec spec =
                    new PBEKeySpec(passphrase.toCharArray(), key.salt(), key.iterations(), key.keyLength() * 8);
            try {
                // SunJCE encodes the passphrase as UTF-8 for PBKDF2, as Go's []byte(passphrase) does.
                return SecretKeyFactory.getInstance(ALGORITHMS.get(key.hashFunction()))
                        .generateSecret(spec)
                        .getEncoded();
            } catch (GeneralSecurityException e) {
                throw new EncryptionException("PBKDF2 failed for " + address + ": " + e.getMessage(), e);
            } finally {
                spec.clearPassword();
            }
        });
    }

    @Override
    public String toString() {
        return address;
    }

    /** PBKDF2's inputs besides the passphrase; a record of an array compares by content, hence the overrides. */
    private record Parameters(byte[] salt, int iterations, String hashFunction, int keyLength) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Parameters p
                    && Arrays.equals(salt, p.salt)
                    && iterations == p.iterations
                    && hashFunction.equals(p.hashFunction)
                    && keyLength == p.keyLength;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(salt), iterations, hashFunction, keyLength);
        }
    }
}
