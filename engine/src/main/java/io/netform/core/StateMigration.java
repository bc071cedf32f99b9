package io.netform.core;

import io.netform.state.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies state from one backend to another, as {@code init -migrate-state} does: every workspace that
 * has state, under the same name, each side locked, a leftover journal replayed before the copy; what
 * the destination held under that name is overwritten.
 */
public final class StateMigration {

    private StateMigration() {}

    /** The workspaces of {@code from} that have state, which a migration would copy. */
    public static List<String> withState(Backend from) {
        List<String> names = new ArrayList<>();
        for (String name : from.workspaces()) {
            try (StateBackend state = from.state(name)) {
                if (state.stored().isPresent()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Copies workspaces {@code names} of {@code from} into {@code to}, each under both locks. */
    public static void copy(Backend from, Backend to, List<String> names, String version, Duration lockTimeout) {
        for (String name : names) {
            try (StateBackend source = from.state(name);
                    StateBackend.Lock sourceLock = source.lock("OperationTypeInvalid", version, lockTimeout);
                    StateBackend target = to.state(name);
                    StateBackend.Lock targetLock = target.lock("OperationTypeInvalid", version, lockTimeout)) {
                State state = source.read(version).state();
                target.read(version);
                target.write(state);
            }
        }
    }
}
