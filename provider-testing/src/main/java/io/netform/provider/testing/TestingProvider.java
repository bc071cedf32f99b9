package io.netform.provider.testing;

import io.netform.provider.DataSource;
import io.netform.provider.Provider;
import io.netform.provider.ProviderServer;
import io.netform.provider.ResourceType;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.time.Duration;
import java.util.Map;

/**
 * Provider {@code testing}: argument {@code latency_ms} (added to every resource and data source
 * call: validate, plan, create, read, update, delete, import), resource {@code testing_object} and data
 * source {@code testing_echo}.
 */
public final class TestingProvider implements Provider {

    private final Latency latency = new Latency();
    private final Map<String, ResourceType> resources;
    private final Map<String, DataSource> dataSources;

    TestingProvider(TestingStore store) {
        this.resources = Map.of("testing_object", new TestingObject(store, latency));
        this.dataSources = Map.of("testing_echo", new TestingEcho(latency));
    }

    /** Runs the provider as a plugin; the store comes from {@code NETFORM_TESTING_STORE}. */
    public static void main(String[] args) {
        ProviderServer.serve(fromEnvironment(System.getenv()));
    }

    /** The provider as its plugin runs it, its store named by {@code NETFORM_TESTING_STORE} in {@code environment}. */
    public static TestingProvider fromEnvironment(Map<String, String> environment) {
        return new TestingProvider(TestingStore.fromEnvironment(environment));
    }

    @Override
    public String name() {
        return "testing";
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of(SchemaAttribute.number("latency_ms")
                .optional()
                .describedAs("Milliseconds added to every call, to imitate a slow API.")));
    }

    @Override
    public void configure(Value config) {
        Value millis = config.getAttr("latency_ms");
        latency.set(millis.isNull() ? Duration.ZERO : Duration.ofMillis(millis.asLong()));
    }

    @Override
    public Map<String, ResourceType> resources() {
        return resources;
    }

    @Override
    public Map<String, DataSource> dataSources() {
        return dataSources;
    }

    /** The testing_echo data source: output is input. */
    private record TestingEcho(Latency latency) implements DataSource {
        @Override
        public Schema schema() {
            return Schema.of(SchemaBlock.of(
                    SchemaAttribute.of("input", Type.DYNAMIC).required(),
                    SchemaAttribute.of("output", Type.DYNAMIC).computed()));
        }

        @Override
        public void validate(Value config) {
            latency.pause();
        }

        @Override
        public Value read(Value config) {
            latency.pause();
            return Value.object(Map.of("input", config.getAttr("input"), "output", config.getAttr("input")));
        }
    }
}
