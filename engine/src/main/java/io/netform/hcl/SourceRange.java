package io.netform.hcl;

/**
 * A half-open span of a named source file, from the start position up to (excluding) the end
 * position. The positions are stored flat (one object per range) because every syntax node has one.
 */
public record SourceRange(
        String file, int startLine, int startColumn, int startByte, int endLine, int endColumn, int endByte) {

    /** The range from {@code start} to {@code end} in {@code file}. */
    public SourceRange(String file, SourcePos start, SourcePos end) {
        this(file, start.line(), start.column(), start.byteOffset(), end.line(), end.column(), end.byteOffset());
    }

    /** Where the range starts. */
    public SourcePos start() {
        return new SourcePos(startLine, startColumn, startByte);
    }

    /** Where the range ends (exclusive). */
    public SourcePos end() {
        return new SourcePos(endLine, endColumn, endByte);
    }

    /** The smallest range covering both this range and {@code other} (assumed to be in the same file). */
    public SourceRange to(SourceRange other) {
        boolean thisStarts = startByte <= other.startByte;
        boolean thisEnds = endByte >= other.endByte;
        return new SourceRange(
                file,
                thisStarts ? startLine : other.startLine,
                thisStarts ? startColumn : other.startColumn,
                thisStarts ? startByte : other.startByte,
                thisEnds ? endLine : other.endLine,
                thisEnds ? endColumn : other.endColumn,
                thisEnds ? endByte : other.endByte);
    }

    /** {@code file:line:column}, the way diagnostics name a place. */
    @Override
    public String toString() {
        return file + ":" + startLine + ":" + startColumn;
    }
}
