package io.netform.apply;

import io.netform.plan.ResourceChange;
import io.netform.value.Value;
import java.time.Duration;

/** What the applier tells the user interface as it goes; every method may be called from any thread. */
public interface ApplyHooks {

    /** Hooks that do nothing. */
    ApplyHooks NONE = new ApplyHooks() {};

    /** An operation on {@code change}'s object started. */
    default void started(ResourceChange change) {}

    /** The operation completed; {@code newState} is the object now (a null value after a delete). */
    default void completed(ResourceChange change, Value newState, Duration elapsed) {}

    /** The operation failed (its diagnostics are reported separately). */
    default void failed(ResourceChange change, Duration elapsed) {}
}
