package io.netform.walk;

import io.netform.addrs.ModuleInstance;
import io.netform.config.Module;
import io.netform.config.ProviderBlock;
import io.netform.graph.Node.ProviderNode;
import io.netform.hcl.Body;
import io.netform.lang.Evaluation;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.value.Value;
import java.util.List;
import java.util.Optional;

/** Starts and configures the provider of a provider configuration vertex. */
public final class ProviderConfigurer {

    private ProviderConfigurer() {}

    /** Starts and configures; false after reporting a failure. */
    public static boolean configure(WalkContext context, ProviderNode node) {
        Optional<ProviderClient> started = start(context, node);
        if (started.isEmpty()) {
            return false;
        }
        ProviderClient provider = started.get();
        Module m = context.graph().module(node.path());
        ProviderBlock block = m.providers().get(node.key());
        Body body = block == null ? new Body(List.of(), null) : block.config();
        List<ModuleInstance> instances = context.instances(node.path());
        ModuleInstance at = instances.isEmpty() ? ModuleInstance.ROOT : instances.get(0);
        List<io.netform.hcl.Expression> expressions = ConfigDecoder.expressions(body);
        Evaluation config = ConfigDecoder.decode(
                body,
                provider.schema().provider().block(),
                context.scopes().scope(m, at, Repetition.NONE, expressions));
        context.report(config.diagnostics());
        if (config.hasErrors()) {
            return false;
        }
        Value value = config.value().unmarkDeep();
        if (context.providers().configuredAlready(node, value)) {
            return true;
        }
        // A handed-over provider configured differently was closed just now: this starts its successor.
        started = start(context, node);
        if (started.isEmpty()) {
            return false;
        }
        provider = started.get();
        String address = "provider[\"" + context.providers().sourceOf(node) + "\"]"
                + (node.key().contains(".") ? node.key().substring(node.key().indexOf('.')) : "");
        var validated = provider.validateProviderConfig(value);
        ProviderDiagnostics.report(context, address, body, block == null ? null : block.range(), validated);
        if (validated.stream().anyMatch(d -> d.error())) {
            return false;
        }
        var configured = provider.configure(value, context.netformVersion());
        ProviderDiagnostics.report(context, address, body, block == null ? null : block.range(), configured);
        if (configured.stream().anyMatch(d -> d.error())) {
            return false;
        }
        context.providers().configured(node, value);
        return true;
    }

    /** The running provider of {@code node}, started if need be; empty after reporting a start that failed. */
    private static Optional<ProviderClient> start(WalkContext context, ProviderNode node) {
        try {
            return Optional.of(context.providers().get(node));
        } catch (ProviderException e) {
            context.report(io.netform.hcl.Diagnostic.error("Failed to start provider", e.getMessage(), null));
            return Optional.empty();
        }
    }
}
