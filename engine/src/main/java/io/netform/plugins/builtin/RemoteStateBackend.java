package io.netform.plugins.builtin;

import io.netform.state.State;
import io.netform.value.Value;
import java.util.Optional;

/**
 * A backend type whose states {@code terraform_remote_state} reads: its {@code config} argument checked,
 * and the latest snapshot of a workspace read. Each type the engine can open registers one.
 */
public interface RemoteStateBackend {

    /**
     * Checks the data source's {@code config}, an object that may still hold unknown values.
     *
     * @throws io.netform.provider.DiagnosticException about the {@code config} attribute
     */
    void validate(Value config);

    /**
     * The latest state snapshot of {@code workspace} in the backend {@code config} describes, or empty
     * when the backend stores none for it.
     *
     * @throws io.netform.provider.DiagnosticException when the state cannot be read
     */
    Optional<State> read(Value config, String workspace);
}
