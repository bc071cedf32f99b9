package io.netform.core;

import io.netform.state.Journal;
import io.netform.state.SnapshotCodec;
import io.netform.state.State;
import io.netform.state.StateChange;
import java.time.Duration;
import java.util.Optional;

/**
 * State held in memory for the length of one command, as {@code netform test} keeps each test file's states:
 * nothing is written to disk, so a journal is not needed, and no other command can reach it to lock.
 */
public final class MemoryStateBackend implements StateBackend {

    private final String name;
    private State state;

    /** An empty state, {@code name} saying which for messages (a test file and its state key). */
    public MemoryStateBackend(String name) {
        this.name = name;
    }

    @Override
    public String workspace() {
        return Backend.DEFAULT_WORKSPACE;
    }

    @Override
    public Lock lock(String operation, String version, Duration timeout) {
        return () -> {};
    }

    @Override
    public Read read(String version) {
        if (state == null) {
            state = State.empty(version);
        }
        return new Read(state, Optional.empty());
    }

    @Override
    public Optional<byte[]> stored() {
        return Optional.ofNullable(state).map(SnapshotCodec.PLAIN::encode);
    }

    @Override
    public SnapshotCodec codec() {
        return SnapshotCodec.PLAIN;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public Journal startJournal(State base) {
        return new Journal() {
            @Override
            public void append(StateChange change) {}

            @Override
            public void sync() {}

            @Override
            public void close() {}
        };
    }

    @Override
    public State write(State next) {
        state = state != null && state.sameContent(next) ? state : next.withSerial(next.serial() + 1);
        return state;
    }

    @Override
    public void clearJournal() {}

    @Override
    public void forceUnlock(String id) {
        throw new IllegalStateException(name + " is held in memory and has no lock to release");
    }

    /** The state last written, or null before any read. */
    public State state() {
        return state;
    }
}
