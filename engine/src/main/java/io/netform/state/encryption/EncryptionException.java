package io.netform.state.encryption;

/** Data that cannot be encrypted or decrypted as configured; the message names the data and why. */
public final class EncryptionException extends RuntimeException {
    public EncryptionException(String message) {
        super(message);
    }

    public EncryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
