package io.netform.cli;

import io.netform.plan.ResourceChange;
import io.netform.value.Value;
import java.time.Duration;

/** How the progress of an apply is shown: as lines for people, or as machine-readable UI messages. */
interface ApplyView {

    /** An operation on {@code change}'s object started. */
    void started(ResourceChange change);

    /** The operation has been running for {@code elapsed} (called every ten seconds). */
    void stillRunning(ResourceChange change, Duration elapsed);

    /** The operation completed, leaving {@code newState}. */
    void completed(ResourceChange change, Value newState, Duration elapsed);

    /** The operation failed. */
    void failed(ResourceChange change, Duration elapsed);
}
