package io.netform.state;

import io.netform.state.encryption.EncryptionException;
import io.netform.state.encryption.EncryptionTarget;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A state snapshot as a backend stores it: {@link StateCodec}'s v4 JSON, encrypted as the configuration's
 * {@code encryption} block says. Backends store whatever this produces and never look inside, so every
 * backend gets encryption without knowing of it.
 */
public record SnapshotCodec(EncryptionTarget encryption) {

    /** Snapshots in clear, with no encryption configured. */
    public static final SnapshotCodec PLAIN = new SnapshotCodec(EncryptionTarget.none("state"));

    /**
     * The bytes to store for {@code state}.
     *
     * @throws StateFormatException when the configuration forbids writing it (enforced encryption)
     */
    public byte[] encode(State state) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("serial", state.serial());
        header.put("lineage", state.lineage());
        try {
            return encryption.encrypt(StateCodec.encode(state), header);
        } catch (EncryptionException e) {
            throw new StateFormatException(e.getMessage(), e);
        }
    }

    /**
     * Reads stored bytes.
     *
     * @param source names the state in errors (a file path, a workspace)
     * @throws StateFormatException naming {@code source}: not decryptable as configured, or not a state
     */
    public State decode(byte[] stored, String source) {
        return read(stored, source).state();
    }

    /**
     * Reads stored bytes, saying too whether they are stored as {@link #encode} would store them now.
     *
     * @throws StateFormatException as {@link #decode}
     */
    public Read read(byte[] stored, String source) {
        try {
            EncryptionTarget.Opened opened = encryption.open(stored, source);
            return new Read(StateCodec.decode(opened.clear(), source), opened.current());
        } catch (EncryptionException e) {
            throw new StateFormatException(e.getMessage(), e);
        }
    }

    /**
     * The form to store one piece of state in besides the snapshot, such as a journal entry: {@code json}
     * as it is, or encrypted as the snapshot is (an envelope of one line).
     *
     * @throws StateFormatException when the configuration forbids writing it (enforced encryption)
     */
    public byte[] encodeEntry(byte[] json) {
        try {
            return encryption.encrypt(json, Map.of());
        } catch (EncryptionException e) {
            throw new StateFormatException(e.getMessage(), e);
        }
    }

    /**
     * The JSON of an entry {@link #encodeEntry} stored.
     *
     * @throws StateFormatException naming {@code source} when it cannot be decrypted as configured
     */
    public byte[] decodeEntry(byte[] stored, String source) {
        return clear(stored, source);
    }

    /** A state read, and whether its stored form is current (false: the next write migrates or re-keys it). */
    public record Read(State state, boolean current) {}

    /**
     * The state's v4 JSON: {@code stored} decrypted, or as it is when stored in clear.
     *
     * @throws StateFormatException naming {@code source} when it cannot be decrypted as configured
     */
    public byte[] clear(byte[] stored, String source) {
        try {
            return encryption.decrypt(stored, source);
        } catch (EncryptionException e) {
            throw new StateFormatException(e.getMessage(), e);
        }
    }
}
