package io.netform.graph;

/** What became of one vertex in a walk. */
public sealed interface Outcome {

    /** The vertex's work ran and succeeded. */
    record Done() implements Outcome {}

    /** The vertex's work ran and failed, having reported why (as diagnostics). */
    record Reported() implements Outcome {}

    /** The vertex's work ran and failed unexpectedly, with {@code error}, which nobody reported. */
    record Failed(Throwable error) implements Outcome {}

    /** The vertex did not run because {@code cause} (a dependency, named) failed or was skipped. */
    record Skipped(String cause) implements Outcome {}

    /** The vertex did not run because the walk was cancelled first. */
    record Cancelled() implements Outcome {}

    /** Whether the work ran and succeeded. */
    default boolean succeeded() {
        return this instanceof Done;
    }
}
