package io.netform.state.encryption;

/** A configuration's encryption: how its state and its saved plans are stored. */
public record Encryption(EncryptionTarget state, EncryptionTarget plan) {

    /** No encryption block: both stored in clear, and an encrypted file is an error. */
    public static final Encryption NONE = new Encryption(EncryptionTarget.none("state"), EncryptionTarget.none("plan"));
}
