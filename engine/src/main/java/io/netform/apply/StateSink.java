package io.netform.apply;

import io.netform.state.StateChange;

/** Where the applier records each completed operation: the working state and, durably, the journal. */
@FunctionalInterface
public interface StateSink {

    /** Records {@code change}; returns only once it is durable. */
    void record(StateChange change);
}
