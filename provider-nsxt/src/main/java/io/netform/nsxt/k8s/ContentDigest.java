package io.netform.nsxt.k8s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short SHA-256 digest of a text, for ids and fingerprints that must be stable across runs. */
final class ContentDigest {

    /** Hex digits kept: 48 bits, so a collision among a cluster's few thousand groups is negligible. */
    private static final int HEX_DIGITS = 12;

    private ContentDigest() {}

    /** The first {@value #HEX_DIGITS} hex digits of the text's SHA-256. */
    static String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
