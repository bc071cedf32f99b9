package io.netform.hcl;

/** An element of a {@link Body}: an attribute or a nested block. */
public sealed interface BodyItem permits Attribute, Block {

    /** Where the whole item is written. */
    SourceRange range();
}
