package io.netform.hcl;

/**
 * A position in a source file: 1-based line and column (columns count Unicode code points, a tab
 * counts as one) and the 0-based UTF-8 byte offset from the start of the file.
 */
public record SourcePos(int line, int column, int byteOffset) {}
