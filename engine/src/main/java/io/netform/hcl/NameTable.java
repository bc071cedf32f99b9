package io.netform.hcl;

import java.util.Arrays;

/**
 * Interns the short strings of one file (identifiers and short literals) so each distinct name is
 * allocated once per parse: configurations repeat {@code var}, {@code each}, attribute names and
 * function names thousands of times.
 */
final class NameTable {
    private final char[] chars;
    private String[] slots = new String[1024];
    private int size;

    NameTable(char[] chars) {
        this.chars = chars;
    }

    /** The string of {@code chars[start..end)}, shared with every earlier request for the same text. */
    String intern(int start, int end) {
        int hash = hash(start, end);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            String existing = slots[slot];
            if (existing == null) {
                String created = new String(chars, start, end - start);
                slots[slot] = created;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return created;
            }
            if (matches(existing, start, end)) {
                return existing;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int hash(int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + chars[i];
        }
        return h ^ (h >>> 16);
    }

    private boolean matches(String existing, int start, int end) {
        int length = end - start;
        if (existing.length() != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (existing.charAt(k) != chars[start + k]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] old = slots;
        slots = new String[old.length * 2];
        int mask = slots.length - 1;
        for (String s : old) {
            if (s != null) {
                int h = s.hashCode();
                int slot = (h ^ (h >>> 16)) & mask;
                while (slots[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = s;
            }
        }
        Arrays.fill(old, null);
    }
}
