package io.netform.hcl;

import java.util.Arrays;

/**
 * The text of one source file with a line table, turning character offsets into {@link SourcePos}
 * (line, code-point column, UTF-8 byte offset) without rescanning the file.
 */
public final class SourceFile {
    private final String name;
    private final char[] chars;
    private final int[] lineStarts;
    private final int[] lineByteStarts;
    private final boolean[] lineAscii;
    private final int lineCount;
    /** Where the text starts in the file it names: a string embedded in a JSON file starts mid-file. */
    private final SourcePos origin;
    /**
     * The lines of the previous start and end lookups: a parser asks for offsets near the previous
     * ones, but a range's start may be far behind its end, so each keeps its own guess.
     */
    private int lastStartLine;

    private int lastEndLine;

    /** Indexes {@code text} under the display name {@code name}. */
    public SourceFile(String name, String text) {
        this(name, text, new SourcePos(1, 1, 0));
    }

    /** Indexes {@code text} found at {@code origin} of the file {@code name}, so ranges point into that file. */
    public SourceFile(String name, String text, SourcePos origin) {
        this.name = name;
        this.origin = origin;
        this.chars = text.toCharArray();
        int[] starts = new int[16];
        int[] byteStarts = new int[16];
        boolean[] ascii = new boolean[16];
        int lines = 1;
        boolean lineIsAscii = true;
        int bytes = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            bytes += utf8Length(c);
            if (c >= 0x80) {
                lineIsAscii = false;
            } else if (c == '\n') {
                ascii[lines - 1] = lineIsAscii;
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                    byteStarts = Arrays.copyOf(byteStarts, lines * 2);
                    ascii = Arrays.copyOf(ascii, lines * 2);
                }
                starts[lines] = i + 1;
                byteStarts[lines] = bytes;
                lines++;
                lineIsAscii = true;
            }
        }
        ascii[lines - 1] = lineIsAscii;
        this.lineStarts = starts;
        this.lineByteStarts = byteStarts;
        this.lineAscii = ascii;
        this.lineCount = lines;
    }

    /** The display name used in ranges, e.g. {@code main.tf}. */
    public String name() {
        return name;
    }

    /** The characters of the file; callers must not modify the array. */
    char[] chars() {
        return chars;
    }

    /** The number of characters in the file. */
    public int length() {
        return chars.length;
    }

    /** The number of lines (a file without a newline has one line). */
    public int lineCount() {
        return lineCount;
    }

    /** The text of the 1-based line {@code line} without its line terminator. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineCount ? lineStarts[line] - 1 : chars.length;
        if (end > start && chars[end - 1] == '\r') {
            end--;
        }
        return new String(chars, start, Math.max(0, end - start));
    }

    /** The source text between two character offsets. */
    public String text(int start, int end) {
        return new String(chars, start, end - start);
    }

    /** The range between two character offsets. */
    public SourceRange range(int startOffset, int endOffset) {
        int startLine = lineIndexOf(startOffset, lastStartLine);
        lastStartLine = startLine;
        int startColumn = column(startLine, startOffset);
        int startByte = byteOffset(startLine, startOffset);
        int endLine = lineIndexOf(endOffset, lastEndLine);
        lastEndLine = endLine;
        return new SourceRange(
                name,
                origin.line() + startLine,
                startColumn,
                startByte,
                origin.line() + endLine,
                column(endLine, endOffset),
                byteOffset(endLine, endOffset));
    }

    /** The position of the character at {@code offset} (or of the end of file). */
    public SourcePos positionAt(int offset) {
        int line = lineIndexOf(offset, lastEndLine);
        return new SourcePos(origin.line() + line, column(line, offset), byteOffset(line, offset));
    }

    private int column(int line, int offset) {
        int lineStart = lineStarts[line];
        int first = line == 0 ? origin.column() : 1;
        if (lineAscii[line]) {
            return offset - lineStart + first;
        }
        int column = first;
        for (int i = lineStart; i < offset; i++) {
            if (!Character.isLowSurrogate(chars[i])) {
                column++;
            }
        }
        return column;
    }

    private int byteOffset(int line, int offset) {
        int lineStart = lineStarts[line];
        if (lineAscii[line]) {
            return origin.byteOffset() + lineByteStarts[line] + offset - lineStart;
        }
        int bytes = origin.byteOffset() + lineByteStarts[line];
        for (int i = lineStart; i < offset; i++) {
            bytes += utf8Length(chars[i]);
        }
        return bytes;
    }

    private int lineIndexOf(int offset, int guess) {
        if (containsOffset(guess, offset)) {
            return guess;
        }
        if (guess + 1 < lineCount && containsOffset(guess + 1, offset)) {
            return guess + 1;
        }
        int found = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
        return found >= 0 ? found : -found - 2;
    }

    private boolean containsOffset(int line, int offset) {
        return offset >= lineStarts[line] && (line + 1 >= lineCount || offset < lineStarts[line + 1]);
    }

    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        // a surrogate pair is four bytes in UTF-8: two for each half
        return Character.isSurrogate(c) ? 2 : 3;
    }
}
