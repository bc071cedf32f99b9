package io.netform.plugins.builtin;

import io.netform.provider.DataSource;
import io.netform.provider.Provider;
import io.netform.provider.ResourceType;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaBlock;
import java.util.Map;

/** The built-in provider {@code terraform}: resource {@code terraform_data}, data source {@code terraform_remote_state}. */
public final class TerraformProvider implements Provider {

    private final Map<String, ResourceType> resources = Map.of("terraform_data", new TerraformData());
    private final Map<String, DataSource> dataSources;

    /**
     * The provider, reading other states from the backends in {@code backends}, by backend type. As in
     * Terraform, outputs read from another state come without their sensitivity (hashicorp/terraform#29544).
     */
    public TerraformProvider(Map<String, RemoteStateBackend> backends) {
        this.dataSources = Map.of(RemoteStateDataSource.TYPE, new RemoteStateDataSource(backends));
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
