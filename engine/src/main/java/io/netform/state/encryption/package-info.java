/**
 * State and plan encryption as OpenTofu 1.7 has it: the {@code pbkdf2} key provider, the {@code aes_gcm}
 * and {@code unencrypted} methods, and the JSON envelope ({@code meta}, {@code encrypted_data},
 * {@code encryption_version}) that an encrypted state or plan file is stored as, so OpenTofu and Netform
 * read each other's files.
 */
package io.netform.state.encryption;
