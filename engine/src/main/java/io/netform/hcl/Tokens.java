package io.netform.hcl;

import java.util.Arrays;

/**
 * The token stream of one file as parallel arrays (type, start and end character offsets), so
 * lexing allocates nothing per token. Tokens cover every character except spaces and tabs.
 */
public final class Tokens {
    private static final TokenType[] TYPES = TokenType.values();

    private final SourceFile source;
    private final NameTable names;
    private byte[] types;
    private int[] starts;
    private int[] ends;
    private int size;

    Tokens(SourceFile source, int expected) {
        this.source = source;
        this.names = new NameTable(source.chars());
        int capacity = Math.max(16, expected);
        this.types = new byte[capacity];
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    void add(TokenType type, int start, int end) {
        if (size == types.length) {
            int capacity = size * 2;
            types = Arrays.copyOf(types, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        types[size] = (byte) type.ordinal();
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** The file these tokens come from. */
    public SourceFile source() {
        return source;
    }

    /** The number of tokens, including the final {@link TokenType#EOF}. */
    public int size() {
        return size;
    }

    /** The type of token {@code i}. */
    public TokenType type(int i) {
        return TYPES[types[i]];
    }

    /** The first character offset of token {@code i}. */
    public int start(int i) {
        return starts[i];
    }

    /** The character offset just after token {@code i}. */
    public int end(int i) {
        return ends[i];
    }

    /** The source text of token {@code i}. */
    public String text(int i) {
        return source.text(starts[i], ends[i]);
    }

    /** The text of token {@code i}, shared with other tokens of the same text (for names and short literals). */
    String sharedText(int i) {
        return names.intern(starts[i], ends[i]);
    }

    /** True when token {@code i} is written exactly as {@code word} (used for contextual keywords). */
    public boolean textEquals(int i, String word) {
        int length = ends[i] - starts[i];
        if (length != word.length()) {
            return false;
        }
        char[] chars = source.chars();
        int start = starts[i];
        for (int k = 0; k < length; k++) {
            if (chars[start + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The source range of token {@code i}. */
    public SourceRange range(int i) {
        return source.range(starts[i], ends[i]);
    }
}
