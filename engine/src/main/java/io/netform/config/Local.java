package io.netform.config;

import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;

/** One named value of a {@code locals} block. */
public record Local(String name, Expression expression, SourceRange range) {}
