package io.netform.state.encryption;

/** A configured {@code method} block: {@code aes_gcm} or {@code unencrypted}. */
public sealed interface EncryptionMethod permits AesGcmMethod, UnencryptedMethod {

    /** Its address in the configuration, {@code method.TYPE.NAME}. */
    String address();
}
