package io.netform.hcl;

/** An attribute definition {@code name = expression}. */
public record Attribute(String name, Expression expression, SourceRange nameRange, SourceRange range)
        implements BodyItem {}
