package io.netform.lang.function;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code base64.StdEncoding.DecodeString}: padding required, CR and LF ignored, and a failure
 * reported at the offset Go's {@code CorruptInputError} gives, which some of Terraform's messages show.
 */
final class GoBase64 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private GoBase64() {}

    /** The input was not valid base64; {@link #offset} is the byte offset Go reports. */
    static final class CorruptInputException extends Exception {
        private final int offset;

        CorruptInputException(int offset) {
            super("illegal base64 data at input byte " + offset);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    static byte[] decode(String text) throws CorruptInputException {
        // Go works on the UTF-8 bytes, so offsets count bytes; a non-ASCII byte is never valid.
        byte[] src = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4);
        int si = 0;
        while (true) {
            int[] quantum = new int[4];
            int j = 0;
            int dlen = 4;
            boolean end = false;
            while (j < 4) {
                if (si == src.length) {
                    if (j == 0) {
                        return out.toByteArray();
                    }
                    throw new CorruptInputException(si - j);
                }
                int in = src[si++] & 0xFF;
                if (in == '\n' || in == '\r') {
                    continue;
                }
                int value = in < 128 ? ALPHABET.indexOf(in) : -1;
                if (value >= 0) {
                    quantum[j++] = value;
                    continue;
                }
                if (in != '=') {
                    throw new CorruptInputException(si - 1);
                }
                // Padding: only after two or three symbols, and "==" must be whole.
                if (j < 2) {
                    throw new CorruptInputException(si - 1);
                }
                if (j == 2) {
                    si = skipNewlines(src, si);
                    if (si == src.length) {
                        throw new CorruptInputException(src.length);
                    }
                    if (src[si] != '=') {
                        throw new CorruptInputException(si - 1);
                    }
                    si++;
                }
                si = skipNewlines(src, si);
                if (si < src.length) {
                    throw new CorruptInputException(si);
                }
                dlen = j;
                end = true;
                break;
            }
            int bits = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
            for (int k = 0; k < dlen - 1; k++) {
                out.write(bits >> (16 - 8 * k) & 0xFF);
            }
            if (end) {
                return out.toByteArray();
            }
        }
    }

    private static int skipNewlines(byte[] src, int si) {
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
            si++;
        }
        return si;
    }
}
