package io.netform.nsxt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import io.netform.wire.SchemaBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The provider in-process with {@code host = "embedded"}, its simulator store in a directory. */
public final class EmbeddedProvider implements AutoCloseable {

    private final NsxtProvider provider;
    private final ProviderHarness harness;

    private EmbeddedProvider(Path directory) {
        // A short wait for references, so that a refused delete fails fast.
        provider = new NsxtProvider(Map.of(), directory, Duration.ofSeconds(1));
        harness = ProviderHarness.inProcess(provider);
        assertThat(harness.configure(Configs.of(provider.schema().block(), Map.of("host", "embedded"))))
                .isEmpty();
    }

    /** A configured provider whose simulator keeps its objects under the directory. */
    public static EmbeddedProvider in(Path directory) {
        return new EmbeddedProvider(directory);
    }

    /** The harness speaking tfplugin6 to the provider. */
    public ProviderHarness harness() {
        return harness;
    }

    /** The NSX API the provider talks to, for looking at what it wrote. */
    public io.netform.nsxt.api.PolicyClient nsx() {
        return provider.client();
    }

    /** The schema block of a resource type. */
    public SchemaBlock resource(String typeName) {
        return provider.resources().get(typeName).schema().block();
    }

    /** The schema block of a data source. */
    public SchemaBlock dataSource(String typeName) {
        return provider.dataSources().get(typeName).schema().block();
    }

    /** A configuration of a resource type. */
    public Value config(String typeName, Map<String, ?> given) {
        return Configs.of(resource(typeName), given);
    }

    @Override
    public void close() {
        harness.close();
    }
}
