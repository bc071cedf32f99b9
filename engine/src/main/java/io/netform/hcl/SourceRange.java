package io.netform.hcl;

/** A half-open span of a named source file, from {@code start} up to (excluding) {@code end}. */
public record SourceRange(String file, SourcePos start, SourcePos end) {

    /** The smallest range covering both this range and {@code other} (assumed to be in the same file). */
    public SourceRange to(SourceRange other) {
        SourcePos s = start.byteOffset() <= other.start.byteOffset() ? start : other.start;
        SourcePos e = end.byteOffset() >= other.end.byteOffset() ? end : other.end;
        return new SourceRange(file, s, e);
    }

    /** {@code file:line:column}, the way diagnostics name a place. */
    @Override
    public String toString() {
        return file + ":" + start.line() + ":" + start.column();
    }
}
