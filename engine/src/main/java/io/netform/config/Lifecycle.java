package io.netform.config;

import io.netform.value.AttributePath;
import java.util.List;

/**
 * A resource's {@code lifecycle} block.
 *
 * @param ignoreAllChanges   {@code ignore_changes = all}
 * @param ignoreChanges      the attribute paths whose changes are ignored
 * @param replaceTriggeredBy references whose change replaces the resource
 * @param preconditions      checked before the object is planned, read or changed
 * @param postconditions     checked against the object ({@code self}) once it is planned, read or changed
 */
public record Lifecycle(
        boolean createBeforeDestroy,
        boolean preventDestroy,
        boolean ignoreAllChanges,
        List<AttributePath> ignoreChanges,
        List<ReplaceTrigger> replaceTriggeredBy,
        List<Condition> preconditions,
        List<Condition> postconditions) {

    /** No lifecycle block. */
    public static final Lifecycle DEFAULT = new Lifecycle(false, false, false, List.of(), List.of());

    public Lifecycle {
        ignoreChanges = List.copyOf(ignoreChanges);
        replaceTriggeredBy = List.copyOf(replaceTriggeredBy);
        preconditions = List.copyOf(preconditions);
        postconditions = List.copyOf(postconditions);
    }

    /** A lifecycle without custom conditions. */
    public Lifecycle(
            boolean createBeforeDestroy,
            boolean preventDestroy,
            boolean ignoreAllChanges,
            List<AttributePath> ignoreChanges,
            List<ReplaceTrigger> replaceTriggeredBy) {
        this(
                createBeforeDestroy,
                preventDestroy,
                ignoreAllChanges,
                ignoreChanges,
                replaceTriggeredBy,
                List.of(),
                List.of());
    }
}
