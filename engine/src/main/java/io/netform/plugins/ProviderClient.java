package io.netform.plugins;

import io.netform.value.AttributePath;
import io.netform.value.Value;
import io.netform.wire.FunctionSignature;
import io.netform.wire.ProviderDiagnostic;
import io.netform.wire.ProviderSchema;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A running provider as the engine uses it: the tfplugin6 operations with values of the value model
 * (unmarked: the engine tracks sensitivity itself). Every operation returns its diagnostics rather
 * than throwing; a provider that cannot be reached at all throws {@link ProviderException}.
 */
public interface ProviderClient extends AutoCloseable {

    /** The provider's schemas, fetched once. */
    ProviderSchema schema();

    /** Checks the provider's own configuration. */
    List<ProviderDiagnostic> validateProviderConfig(Value config);

    /** Configures the provider; called once before any resource operation. */
    List<ProviderDiagnostic> configure(Value config, String netformVersion);

    /** Checks a resource's configuration (it may contain unknowns). */
    List<ProviderDiagnostic> validateResourceConfig(String type, Value config);

    /** Checks a data source's configuration. */
    List<ProviderDiagnostic> validateDataResourceConfig(String type, Value config);

    /** Brings stored state written in an older schema version up to the current schema. */
    Response<Value> upgradeResourceState(String type, long version, byte[] json);

    /** Refreshes an object: the null value of the type when it no longer exists. */
    Response<ReadResult> readResource(String type, Value current, byte[] privateData);

    /** Plans a change; prior or proposed may be null values (create or delete). */
    Response<PlannedObject> planResourceChange(
            String type, Value prior, Value proposed, Value config, byte[] priorPrivate);

    /** Applies a planned change; planned may be the null value (delete). */
    Response<AppliedObject> applyResourceChange(
            String type, Value prior, Value planned, Value config, byte[] plannedPrivate);

    /** Imports an existing object by its ID. */
    Response<List<ImportedObject>> importResourceState(String type, String id);

    /** Reads a data source. */
    Response<Value> readDataSource(String type, Value config);

    /** The functions the provider offers (Terraform 1.8), by name: by default those its schema declares. */
    default Map<String, FunctionSignature> functions() {
        return schema().functions();
    }

    /**
     * Calls one of the provider's functions with arguments already of its parameters' types. Functions
     * need no configuration, so this may be called on a provider that was never configured.
     */
    default FunctionResult callFunction(String name, List<Value> arguments) {
        return FunctionResult.failed("the provider offers no function named \"" + name + "\"", OptionalInt.empty());
    }

    /** Asks the provider to stop in-flight work (Ctrl-C). */
    void stop();

    /** Shuts the provider down. */
    @Override
    void close();

    /** A value (or null when the provider returned errors) and the provider's diagnostics. */
    record Response<T>(T value, List<ProviderDiagnostic> diagnostics) {
        public Response {
            diagnostics = List.copyOf(diagnostics);
        }

        /** Whether any diagnostic is an error. */
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(ProviderDiagnostic::error);
        }
    }

    /**
     * A function's result, or the error the provider reported instead, with the 0-based index of the
     * argument at fault when it named one.
     */
    record FunctionResult(Value value, String error, OptionalInt argument) {
        public static FunctionResult of(Value value) {
            return new FunctionResult(value, null, OptionalInt.empty());
        }

        public static FunctionResult failed(String error, OptionalInt argument) {
            return new FunctionResult(null, error, argument);
        }

        /** Whether the provider reported an error rather than a value. */
        public boolean failed() {
            return error != null;
        }
    }

    /** The result of a refresh. */
    record ReadResult(Value newState, byte[] privateData) {}

    /** A planned change: the planned object, the paths that force replacement, and private data. */
    record PlannedObject(Value plannedState, List<AttributePath> requiresReplace, byte[] plannedPrivate) {
        public PlannedObject {
            requiresReplace = List.copyOf(requiresReplace);
        }
    }

    /** The object an applied change left (it may be partial when the provider reported errors). */
    record AppliedObject(Value newState, byte[] privateData) {}

    /** One object an import found. */
    record ImportedObject(String type, Value state, byte[] privateData) {}
}
