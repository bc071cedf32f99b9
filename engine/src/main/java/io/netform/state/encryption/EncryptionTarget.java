package io.netform.state.encryption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.ExactJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code state} or {@code plan} block of an encryption configuration says: the method data is
 * written with, the fallbacks a read may also try (key rotation, migration), and whether writing in clear
 * is refused ({@code enforced}). Without a block nothing is encrypted and an encrypted file cannot be read.
 */
public record EncryptionTarget(
        String name, EncryptionMethod method, List<EncryptionMethod> fallbacks, boolean enforced) {

    /** The only envelope version OpenTofu writes. */
    static final String VERSION = "v0";

    public EncryptionTarget {
        fallbacks = List.copyOf(fallbacks);
    }

    /** No encryption of {@code name} configured. */
    public static EncryptionTarget none(String name) {
        return new EncryptionTarget(name, null, List.of(), false);
    }

    /** Whether this target writes encrypted data. */
    public boolean encrypts() {
        return method instanceof AesGcmMethod;
    }

    /**
     * The form to store {@code plain} in: as is when the method is {@code unencrypted} or none is
     * configured, else OpenTofu's envelope, which starts with {@code header}'s fields (a state's serial and
     * lineage, so tools can see them without the key).
     *
     * @throws EncryptionException when {@code enforced} forbids writing in clear
     */
    public byte[] encrypt(byte[] plain, Map<String, Object> header) {
        if (!(method instanceof AesGcmMethod aes)) {
            if (enforced) {
                throw new EncryptionException("encryption of the " + name + " is enforced, so it cannot be written "
                        + (method == null ? "without a method" : "with " + method.address()));
            }
            return plain;
        }
        Map<String, String> meta = new LinkedHashMap<>();
        byte[] sealed = aes.encrypt(plain, meta);
        ObjectNode envelope = ExactJson.MAPPER.createObjectNode();
        header.forEach((key, value) -> envelope.set(key, ExactJson.MAPPER.valueToTree(value)));
        ObjectNode metaNode = envelope.putObject("meta");
        meta.forEach(metaNode::put);
        envelope.put("encrypted_data", Base64.getEncoder().encodeToString(sealed));
        envelope.put("encryption_version", VERSION);
        try {
            return ExactJson.MAPPER.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The clear form of {@code stored}: decrypted with the method or, failing that, each fallback in turn;
     * data stored in clear passes only when an {@code unencrypted} method (or no method at all) allows it.
     *
     * @param source names the data in errors: the state file, the workspace, the plan file
     * @throws EncryptionException saying what failed for each method tried
     */
    public byte[] decrypt(byte[] stored, String source) {
        return open(stored, source).clear();
    }

    /**
     * As {@link #decrypt}, also saying whether {@code stored} is in the form a write would give it now
     * (false when it was read in clear but is to be encrypted, or opened by a fallback), so that the next
     * write migrates or re-keys it even when nothing else changed.
     */
    public Opened open(byte[] stored, String source) {
        JsonNode envelope = envelope(stored);
        List<EncryptionMethod> chain = chain();
        if (envelope == null) {
            if (chain.isEmpty() || chain.stream().anyMatch(m -> m instanceof UnencryptedMethod)) {
                return new Opened(stored, !encrypts());
            }
            throw new EncryptionException(source + ": the " + name + " is not encrypted, and the encryption "
                    + "configuration allows no unencrypted " + name + ". To encrypt an existing " + name
                    + ", add a fallback { method = method.unencrypted.NAME } to the " + name + " block; the next "
                    + "write encrypts it.");
        }
        String version = envelope.path("encryption_version").asText();
        if (!version.equals(VERSION)) {
            throw new EncryptionException(source + ": the " + name + " is encrypted in an unsupported envelope "
                    + "version \"" + version + "\" (Netform reads " + VERSION + ")");
        }
        if (chain.stream().noneMatch(m -> m instanceof AesGcmMethod)) {
            throw new EncryptionException(source + ": the " + name + " is encrypted, but no encryption method is "
                    + "configured to read it. Add the terraform { encryption { ... } } block (or TF_ENCRYPTION) "
                    + "with the key it was written with.");
        }
        byte[] data;
        Map<String, String> meta = new LinkedHashMap<>();
        try {
            data = Base64.getDecoder().decode(envelope.path("encrypted_data").asText());
            envelope.path("meta")
                    .properties()
                    .forEach(e -> meta.put(e.getKey(), e.getValue().asText()));
        } catch (IllegalArgumentException e) {
            throw new EncryptionException(source + ": the encrypted " + name + " is damaged: " + e.getMessage());
        }
        List<String> failures = new ArrayList<>();
        for (EncryptionMethod m : chain) {
            if (m instanceof AesGcmMethod aes) {
                try {
                    return new Opened(aes.decrypt(data, meta), m == method);
                } catch (EncryptionException e) {
                    failures.add(aes.address() + ": " + e.getMessage());
                }
            }
        }
        throw new EncryptionException(source + ": decryption of the " + name + " failed with every configured "
                + "method, most likely because the passphrase is wrong (or the key provider's name changed): "
                + String.join("; ", failures) + ". Nothing was changed.");
    }

    /** Data in clear, and whether it was stored as this target writes now. */
    public record Opened(byte[] clear, boolean current) {}

    /** Whether {@code data} is an OpenTofu encryption envelope. */
    public static boolean isEncrypted(byte[] data) {
        return envelope(data) != null;
    }

    private List<EncryptionMethod> chain() {
        List<EncryptionMethod> chain = new ArrayList<>();
        if (method != null) {
            chain.add(method);
        }
        chain.addAll(fallbacks);
        return chain;
    }

    private static JsonNode envelope(byte[] data) {
        int i = 0;
        while (i < data.length && Character.isWhitespace(data[i])) {
            i++;
        }
        if (i == data.length || data[i] != '{') {
            return null;
        }
        try {
            JsonNode root = ExactJson.MAPPER.readTree(data);
            return root != null
                            && root.isObject()
                            && root.path("encryption_version").isTextual()
                            && !root.path("encryption_version").asText().isEmpty()
                    ? root
                    : null;
        } catch (IOException e) {
            return null;
        }
    }
}
