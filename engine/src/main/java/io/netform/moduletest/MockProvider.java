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
 * A provider as Terraform's {@code mock_provider} makes it: its real schema, no configuration, objects kept as
 * planned, and computed attributes unknown in the plan and, once applied or read, the {@code defaults} of the
 * mock_resource or mock_data block for their type, else generated (see {@link MockValues}).
 */
final class MockProvider implements ProviderClient {

    private final ProviderClient real;
    private final TestFile.MockProvider mock;

    MockProvider(ProviderClient real, TestFile.MockProvider mock) {
        this.real = real;
        this.mock = mock;
    }

    /** The mock_provider block's override_resource and override_data blocks, for its provider's instances. */
    List<TestFile.Override> overrides() {
        return mock.overrides();
    }

    @Override
    public ProviderSchema schema() {
        return real.schema();
    }

    @Override
    public List<ProviderDiagnostic> validateProviderConfig(Value config) {
        return List.of();
    }

    @Override
    public List<ProviderDiagnostic> configure(Value config, String netformVersion) {
        return List.of();
    }

    @Override
    public List<ProviderDiagnostic> validateResourceConfig(String type, Value config) {
        return List.of();
    }

    @Override
    public List<ProviderDiagnostic> validateDataResourceConfig(String type, Value config) {
        return List.of();
    }

    @Override
    public Response<Value> upgradeResourceState(String type, long version, byte[] json) {
        return real.upgradeResourceState(type, version, json);
    }

    @Override
    public Response<ReadResult> readResource(String type, Value current, byte[] privateData) {
        return new Response<>(new ReadResult(current, privateData), List.of());
    }

    @Override
    public Response<PlannedObject> planResourceChange(
            String type, Value prior, Value proposed, Value config, byte[] priorPrivate) {
        if (proposed.isNull()) {
            return new Response<>(new PlannedObject(proposed, List.of(), new byte[0]), List.of());
        }
        SchemaBlock schema = schema().resources().get(type).block();
        Value planned = prior.isNull() ? MockValues.unknown(schema, proposed) : proposed;
        return new Response<>(new PlannedObject(planned, List.of(), new byte[0]), List.of());
    }

    @Override
    public Response<AppliedObject> applyResourceChange(
            String type, Value prior, Value planned, Value config, byte[] plannedPrivate) {
        if (planned.isNull()) {
            return new Response<>(new AppliedObject(planned, new byte[0]), List.of());
        }
        SchemaBlock schema = schema().resources().get(type).block();
        Value defaults = mock.resourceDefaults().getOrDefault(type, Value.object(Map.of()));
        return new Response<>(new AppliedObject(MockValues.known(schema, planned, defaults), new byte[0]), List.of());
    }

    @Override
    public Response<List<ImportedObject>> importResourceState(String type, String id) {
        return new Response<>(
                null,
                List.of(ProviderDiagnostic.error(
                        "Import of a mocked provider", "A provider mocked by mock_provider cannot import objects.")));
    }

    @Override
    public Response<Value> readDataSource(String type, Value config) {
        SchemaBlock schema = schema().dataSources().get(type).block();
        Value defaults = mock.dataDefaults().getOrDefault(type, Value.object(Map.of()));
        return new Response<>(MockValues.known(schema, config, defaults), List.of());
    }

    @Override
    public Map<String, FunctionSignature> functions() {
        return real.functions();
    }

    @Override
    public FunctionResult callFunction(String name, List<Value> arguments) {
        return real.callFunction(name, arguments);
    }

    @Override
    public void stop() {}

    @Override
    public void close() {
        real.close();
    }
}
