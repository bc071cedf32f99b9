package io.netform.state.encryption;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code method "aes_gcm"}: AES-GCM with the key its key provider gives, stored as OpenTofu stores it:
 * a random 12-byte nonce followed by the ciphertext and the 16-byte tag; {@code aad}, when set, must match
 * on reading.
 */
public record AesGcmMethod(String address, Pbkdf2KeyProvider keys, byte[] aad) implements EncryptionMethod {

    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    public AesGcmMethod {
        aad = aad == null ? new byte[0] : aad.clone();
    }

    /** Encrypts {@code plain}, recording the key provider's metadata in {@code meta}. */
    byte[] encrypt(byte[] plain, Map<String, String> meta) {
        byte[] key = keys.encryptionKey();
        meta.put(keys.address(), keys.metadata());
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce).doFinal(plain);
            byte[] out = new byte[NONCE_LENGTH + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
            System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new EncryptionException(address + ": encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts {@code data} with the key {@code meta} says it was encrypted with.
     *
     * @throws EncryptionException when the key does not open it (a wrong passphrase, most likely)
     */
    byte[] decrypt(byte[] data, Map<String, String> meta) {
        byte[] key = keys.decryptionKey(meta.get(keys.address()));
        if (data.length < NONCE_LENGTH) {
            throw new EncryptionException("the data is too short to be AES-GCM encrypted (likely damaged)");
        }
        byte[] nonce = Arrays.copyOf(data, NONCE_LENGTH);
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce).doFinal(data, NONCE_LENGTH, data.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new EncryptionException(
                    "the key derived from " + keys.address() + " does not open it (message authentication failed)");
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("AES-GCM failed: " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new EncryptionException(address + ": AES-GCM needs a key of 16, 24 or 32 bytes, " + keys.address()
                    + " gives " + key.length);
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        if (aad.length > 0) {
            cipher.updateAAD(aad);
        }
        return cipher;
    }
}
