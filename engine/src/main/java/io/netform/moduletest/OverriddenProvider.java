package io.netform.moduletest;

import io.netform.config.TestFile;
import io.netform.plugins.ProviderClient;
import io.netform.value.Value;
import io.netform.wire.FunctionSignature;
import io.netform.wire.ProviderDiagnostic;
import io.netform.wire.ProviderSchema;
import io.netform.wire.SchemaBlock;
import java.util.List;
import java.util.Map;

/**
 * Answers for one overridden resource or data instance as Terraform's test framework does, without asking its
 * provider: a new object's computed attributes are unknown in the plan (or, with {@code override_during = plan},
 * already the override's values) and take the override's values, else generated ones, once applied; reads
 * keep what state holds; a data source reads as its configuration with the override's values. Everything else,
 * schema and validation included, is the provider's.
 */
final class OverriddenProvider implements ProviderClient {

    private final ProviderClient provider;
    private final TestFile.Override override;

    OverriddenProvider(ProviderClient provider, TestFile.Override override) {
        this.provider = provider;
        this.override = override;
    }

    @Override
    public ProviderSchema schema() {
        return provider.schema();
    }

    @Override
    public List<ProviderDiagnostic> validateProviderConfig(Value config) {
        return provider.validateProviderConfig(config);
    }

    @Override
    public List<ProviderDiagnostic> configure(Value config, String netformVersion) {
        return provider.configure(config, netformVersion);
    }

    @Override
    public List<ProviderDiagnostic> validateResourceConfig(String type, Value config) {
        return provider.validateResourceConfig(type, config);
    }

    @Override
    public List<ProviderDiagnostic> validateDataResourceConfig(String type, Value config) {
        return provider.validateDataResourceConfig(type, config);
    }

    @Override
    public Response<Value> upgradeResourceState(String type, long version, byte[] json) {
        return provider.upgradeResourceState(type, version, json);
    }

    @Override
    public Response<ReadResult> readResource(String type, Value current, byte[] privateData) {
        return new Response<>(new ReadResult(current, privateData), List.of());
    }

    @Override
    public Response<PlannedObject> planResourceChange(
            String type, Value prior, Value proposed, Value config, byte[] priorPrivate) {
        Value planned = proposed;
        // As in Terraform, only a new object takes computed values; an update keeps those it has.
        if (prior.isNull() && !proposed.isNull()) {
            SchemaBlock schema = schema().resources().get(type).block();
            planned = override.duringPlan()
                    ? MockValues.known(schema, proposed, override.values())
                    : MockValues.unknown(schema, proposed);
        }
        return new Response<>(new PlannedObject(planned, List.of(), new byte[0]), List.of());
    }

    @Override
    public Response<AppliedObject> applyResourceChange(
            String type, Value prior, Value planned, Value config, byte[] plannedPrivate) {
        Value applied = planned.isNull()
                ? planned
                : MockValues.known(schema().resources().get(type).block(), planned, override.values());
        return new Response<>(new AppliedObject(applied, new byte[0]), List.of());
    }

    @Override
    public Response<List<ImportedObject>> importResourceState(String type, String id) {
        return provider.importResourceState(type, id);
    }

    @Override
    public Response<Value> readDataSource(String type, Value config) {
        SchemaBlock schema = schema().dataSources().get(type).block();
        return new Response<>(MockValues.known(schema, config, override.values()), List.of());
    }

    @Override
    public Map<String, FunctionSignature> functions() {
        return provider.functions();
    }

    @Override
    public FunctionResult callFunction(String name, List<Value> arguments) {
        return provider.callFunction(name, arguments);
    }

    @Override
    public void stop() {}

    /** The provider belongs to the walk, which closes it. */
    @Override
    public void close() {}
}
