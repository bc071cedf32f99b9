package io.netform.core;

import io.netform.walk.RefreshHooks;

/**
 * What an operation tells its caller while it runs, besides what its result says: objects being read,
 * and events a user should see as they happen. Called from any thread.
 */
public interface OperationHooks extends RefreshHooks {

    /** Hooks that do nothing. */
    OperationHooks NONE = new OperationHooks() {};

    /** Taking the state lock is taking longer than a moment: another command holds it, and this one waits. */
    default void stateLockWaiting() {}

    /** Releasing the state lock is taking longer than a moment. */
    default void stateUnlockWaiting() {}

    /** State was recovered from the journal an interrupted apply left; {@code message} says from where. */
    default void stateRecovered(String message) {}

    /** Something went wrong that does not fail the operation (a provider that did not stop cleanly, say). */
    default void warning(String message) {}
}
