package io.netform.hcl;

/** One {@code key = value} (or {@code key: value}) element of an object constructor. */
public record ObjectItem(ObjectKey key, Expression value, SourceRange range) {}
