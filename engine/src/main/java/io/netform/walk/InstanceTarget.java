package io.netform.walk;

import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ResourceInstance;
import io.netform.config.Module;
import io.netform.config.ResourceConfig;
import io.netform.lang.Evaluation;
import io.netform.plugins.ProviderClient;
import io.netform.value.Value;
import io.netform.wire.Schema;
import java.util.Optional;

/** A resource instance plan or apply works on: its configuration, the scope it is evaluated in, its provider. */
public record InstanceTarget(
        ResourceInstance address,
        ResourceConfig config,
        Module module,
        Repetition repetition,
        ProviderClient provider,
        Schema schema,
        ProviderConfig providerAddress) {

    /** The instance's configuration evaluated in its scope; empty when that failed (already reported). */
    public Optional<Value> evaluateConfig(WalkContext context) {
        Evaluation evaluated = ConfigDecoder.decode(
                config.config(),
                schema.block(),
                context.scopes()
                        .scope(module, address.module(), repetition, ConfigDecoder.expressions(config.config())));
        context.report(evaluated.diagnostics());
        return evaluated.hasErrors() ? Optional.empty() : Optional.of(evaluated.value());
    }
}
