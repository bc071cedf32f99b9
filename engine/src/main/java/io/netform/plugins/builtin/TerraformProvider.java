package io.netform.plugins.builtin;

import io.netform.provider.DataSource;
import io.netform.provider.Provider;
import io.netform.provider.ResourceType;
import io.netform.provider.Schema;
import io.netform.provider.SchemaBlock;
import io.netform.value.Value;
import java.util.Map;

/** The built-in provider {@code terraform}: resource {@code terraform_data}, data source {@code terraform_remote_state}. */
public final class TerraformProvider implements Provider {

    private final Map<String, ResourceType> resources = Map.of("terraform_data", new TerraformData());
    private final Map<String, DataSource> dataSources;

    /**
     * The provider, reading other states from the backends in {@code backends}, by backend type, and
     * noting in {@code sensitive} which of their outputs are sensitive.
     */
    public TerraformProvider(Map<String, RemoteStateBackend> backends, SensitiveOutputs sensitive) {
        this.dataSources = Map.of(RemoteStateDataSource.TYPE, new RemoteStateDataSource(backends, sensitive));
    }

    @Override
    public String name() {
        return "terraform";
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of());
    }

    @Override
    public void configure(Value config) {}

    @Override
    public Map<String, ResourceType> resources() {
        return resources;
    }

    @Override
    public Map<String, DataSource> dataSources() {
        return dataSources;
    }
}
