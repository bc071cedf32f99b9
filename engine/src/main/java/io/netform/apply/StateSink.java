package io.netform.apply;

import io.netform.state.StateChange;

/** Where the applier records each completed operation: the working state and, durably, the journal. */
@FunctionalInterface
public interface StateSink {

    /**
     * Records {@code change}. It must survive the process being killed once this returns; it may wait
     * for {@link #flush} to survive a crash of the machine.
     */
    void record(StateChange change);

    /**
     * Returns once every change recorded so far, by any thread, is durable. The applier calls it before
     * the dependents of an operation start; a sink whose {@link #record} is durable at once needs none.
     */
    default void flush() {}
}
