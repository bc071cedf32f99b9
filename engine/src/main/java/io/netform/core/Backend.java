package io.netform.core;

import java.util.List;

/**
 * A configured backend, as a {@code backend} block (merged with {@code init -backend-config}) sets it
 * up: the workspaces it holds and the state of each. {@link StateBackends} opens one by type.
 */
public interface Backend extends AutoCloseable {

    /** The workspace every backend has. */
    String DEFAULT_WORKSPACE = "default";

    /** The backend's type, as the block's label names it ({@code local}, {@code pg}). */
    String type();

    /** Every workspace that has state (or was created): {@code default} first, then the others by name. */
    List<String> workspaces();

    /** The state of {@code workspace}; nothing is read or locked until asked. */
    StateBackend state(String workspace);

    /**
     * Makes workspace {@code name}, which has no state yet, so that {@link #workspaces} lists it; a
     * backend that keeps workspaces as state writes an empty one, recording {@code version}.
     */
    void createWorkspace(String name, String version);

    /** Removes workspace {@code name} (never {@code default}) with its state. */
    void deleteWorkspace(String name);

    /** Lets go of what the backend opened. */
    @Override
    default void close() {}
}
