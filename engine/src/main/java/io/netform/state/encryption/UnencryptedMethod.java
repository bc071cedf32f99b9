package io.netform.state.encryption;

/** {@code method "unencrypted"}: data stored in clear, the way to migrate into and out of encryption. */
public record UnencryptedMethod(String address) implements EncryptionMethod {}
