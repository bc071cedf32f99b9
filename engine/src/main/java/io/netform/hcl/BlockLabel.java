package io.netform.hcl;

/** A block label, written quoted ({@code "web"}) or bare ({@code web}). */
public record BlockLabel(String value, boolean quoted, SourceRange range) {}
