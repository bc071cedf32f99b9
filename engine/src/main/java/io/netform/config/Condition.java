package io.netform.config;

import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;

/**
 * A custom condition: a {@code precondition} or {@code postcondition} block, or an {@code assert} of
 * a check block. When {@link #condition} is false, {@link #errorMessage} says what is wrong.
 *
 * @param range the whole block, for messages that name where the condition is declared
 */
public record Condition(Expression condition, Expression errorMessage, SourceRange range) {}
