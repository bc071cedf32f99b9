package io.netform.plugins.builtin;

import io.netform.plugins.FunctionSignature;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderSchema;
import io.netform.value.Value;
import io.netform.wire.ProviderDiagnostic;
import java.util.List;
import java.util.Map;

/**
 * The built-in provider as the engine drives it: every call goes to its tfplugin6 client, and a
 * {@code terraform_remote_state} read comes back with the outputs the other state holds as sensitive
 * marked, which the protocol cannot carry.
 */
public final class TerraformProviderClient implements ProviderClient {

    private final ProviderClient wire;
    private final SensitiveOutputs sensitive;

    /** Drives {@code wire}, the tfplugin6 client of a provider that records its reads in {@code sensitive}. */
    public TerraformProviderClient(ProviderClient wire, SensitiveOutputs sensitive) {
        this.wire = wire;
        this.sensitive = sensitive;
    }

    @Override
    public Response<Value> readDataSource(String type, Value config) {
        Response<Value> read = wire.readDataSource(type, config);
        if (!type.equals(RemoteStateDataSource.TYPE)
                || read.value() == null
                || read.value().isNull()) {
            return read;
        }
        return new Response<>(sensitive.mark(config, read.value()), read.diagnostics());
    }

    @Override
    public ProviderSchema schema() {
        return wire.schema();
    }

    @Override
    public List<ProviderDiagnostic> validateProviderConfig(Value config) {
        return wire.validateProviderConfig(config);
    }

    @Override
    public List<ProviderDiagnostic> configure(Value config, String netformVersion) {
        return wire.configure(config, netformVersion);
    }

    @Override
    public List<ProviderDiagnostic> validateResourceConfig(String type, Value config) {
        return wire.validateResourceConfig(type, config);
    }

    @Override
    public List<ProviderDiagnostic> validateDataResourceConfig(String type, Value config) {
        return wire.validateDataResourceConfig(type, config);
    }

    @Override
    public Response<Value> upgradeResourceState(String type, long version, byte[] json) {
        return wire.upgradeResourceState(type, version, json);
    }

    @Override
    public Response<ReadResult> readResource(String type, Value current, byte[] privateData) {
        return wire.readResource(type, current, privateData);
    }

    @Override
    public Response<PlannedObject> planResourceChange(
            String type, Value prior, Value proposed, Value config, byte[] priorPrivate) {
        return wire.planResourceChange(type, prior, proposed, config, priorPrivate);
    }

    @Override
    public Response<AppliedObject> applyResourceChange(
            String type, Value prior, Value planned, Value config, byte[] plannedPrivate) {
        return wire.applyResourceChange(type, prior, planned, config, plannedPrivate);
    }

    @Override
    public Response<List<ImportedObject>> importResourceState(String type, String id) {
        return wire.importResourceState(type, id);
    }

    @Override
    public Map<String, FunctionSignature> functions() {
        return wire.functions();
    }

    @Override
    public FunctionResult callFunction(String name, List<Value> arguments) {
        return wire.callFunction(name, arguments);
    }

    @Override
    public void stop() {
        wire.stop();
    }

    @Override
    public void close() {
        wire.close();
    }

    @Override
    public String toString() {
        return wire.toString();
    }
}
