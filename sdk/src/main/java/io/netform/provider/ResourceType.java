package io.netform.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.value.AttributePath;
import io.netform.value.Value;
import io.netform.wire.Schema;
import java.util.List;

/**
 * A resource type: its schema and the lifecycle of its remote objects. Values are objects of the
 * schema's implied type. Errors are reported by throwing {@link DiagnosticException}. A call may
 * be interrupted when the host sends StopProvider.
 */
public interface ResourceType {

    Schema schema();

    /**
     * Why the type is deprecated and what to use instead, e.g. {@code "Deprecated; use x_v1."}; empty
     * when it is not. A deprecated type's schema block says so, and every validation of its
     * configuration warns "Deprecated Resource" with this message, as the plugin SDK's types do.
     */
    default String deprecationMessage() {
        return "";
    }

    /**
     * Creates the object.
     *
     * @param planned the planned state: configured values, defaults, and unknowns for computed ones
     * @return the new state: every known planned value unchanged and every unknown resolved
     */
    Value create(Value planned, Value config);

    /**
     * Reads the object as it is now.
     *
     * @return its state, or a null value of the schema's type when the object no longer exists
     */
    Value read(Value current);

    /** Updates the object in place; the same contract as {@link #create}. */
    Value update(Value prior, Value planned, Value config);

    /** Deletes the object. */
    void delete(Value prior);

    /** Checks a configuration, which may still hold unknown values. */
    default void validate(Value config) {}

    /**
     * True when {@link #validate}, {@link #customizePlan} and {@link #upgradeState} only compute on
     * the values they are given: no network, no files, no sleeping. The plugin then runs them where
     * the call arrives, on the connection's event loop, which saves two thread hand-offs a call; one
     * that blocked there would hold up every other call. By default they run on a worker thread,
     * as create, read, update, delete and import always do.
     */
    default boolean computesOffline() {
        return false;
    }

    /** Adjusts the planned state, e.g. marks computed values that will change as unknown. */
    default Value customizePlan(Value prior, Value planned, Value config) {
        return planned;
    }

    /**
     * Paths, beyond the schema's force-new attributes and blocks, whose planned change replaces the
     * object: for changes a schema cannot express, such as a dynamic value's identity fields.
     */
    default List<AttributePath> replacedBy(Value prior, Value planned) {
        return List.of();
    }

    /**
     * The state for an existing object the user imports by id; it needs only what {@link #read}
     * needs, since the host reads the object next.
     */
    default Value importState(String id) {
        throw new DiagnosticException("Import is not supported", "This resource type cannot import existing objects.");
    }

    /**
     * Rewrites state stored under an older schema version into the current schema's shape.
     *
     * @param stored the stored state JSON, in the shape of schema version {@code storedVersion}
     */
    default Value upgradeState(long storedVersion, JsonNode stored) {
        throw new DiagnosticException(
                "Cannot upgrade stored state",
                "The state was stored with schema version " + storedVersion + " and this provider"
                        + " does not know how to upgrade it to version " + schema().version() + ".");
    }
}
