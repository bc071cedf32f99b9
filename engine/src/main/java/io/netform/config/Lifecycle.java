package io.netform.config;

import io.netform.hcl.Expression;
import io.netform.value.AttributePath;
import java.util.List;

/**
 * A resource's {@code lifecycle} block.
 *
 * @param ignoreAllChanges   {@code ignore_changes = all}
 * @param ignoreChanges      the attribute paths whose changes are ignored
 * @param replaceTriggeredBy references whose change replaces the resource
 */
public record Lifecycle(boolean createBeforeDestroy, boolean preventDestroy, boolean ignoreAllChanges,
        List<AttributePath> ignoreChanges, List<Expression> replaceTriggeredBy) {

    /** No lifecycle block. */
    public static final Lifecycle DEFAULT = new Lifecycle(false, false, false, List.of(), List.of());

    public Lifecycle {
        ignoreChanges = List.copyOf(ignoreChanges);
        replaceTriggeredBy = List.copyOf(replaceTriggeredBy);
    }
}
