package io.netform.plan;

import io.netform.addrs.ModuleInstance;
import io.netform.config.Module;
import io.netform.config.ProviderBlock;
import io.netform.graph.Node.ProviderNode;
import io.netform.hcl.Body;
import io.netform.lang.Evaluation;
import io.netform.providers.Provider;
import io.netform.providers.ProviderException;
import io.netform.value.Value;
import java.util.List;

/** Starts and configures the provider of a provider configuration vertex. */
public final class ProviderConfigurer {

    private ProviderConfigurer() {
    }

    /** Starts and configures; throws {@link NodeFailedException} after reporting a failure. */
    public static void configure(WalkContext context, ProviderNode node) {
        Provider provider = start(context, node);
        Module m = context.graph().module(node.path());
        ProviderBlock block = m.providers().get(node.key());
        Body body = block == null ? new Body(List.of(), null) : block.config();
        List<ModuleInstance> instances = context.instances(node.path());
        ModuleInstance at = instances.isEmpty() ? ModuleInstance.ROOT : instances.get(0);
        List<io.netform.hcl.Expression> expressions = ConfigDecoder.expressions(body);
        Evaluation config = ConfigDecoder.decode(body, provider.schema().provider(),
                context.scopes().scope(m, at, Repetition.NONE, expressions));
        context.report(config.diagnostics());
        if (config.hasErrors()) {
            throw new NodeFailedException(node.address());
        }
        Value value = config.value().unmarkDeep();
        if (context.providers().configuredAlready(node, value)) {
            return;
        }
        // A handed-over provider configured differently was closed just now: this starts its successor.
        provider = start(context, node);
        String address = "provider[\"" + context.providers().sourceOf(node) + "\"]"
                + (node.key().contains(".") ? node.key().substring(node.key().indexOf('.')) : "");
        var validated = provider.validateProviderConfig(value);
        ProviderDiagnostics.report(context, address, block == null ? null : block.range(), validated);
        if (validated.stream().anyMatch(d -> d.error())) {
            throw new NodeFailedException(node.address());
        }
        var configured = provider.configure(value, context.netformVersion());
        ProviderDiagnostics.report(context, address, block == null ? null : block.range(), configured);
        if (configured.stream().anyMatch(d -> d.error())) {
            throw new NodeFailedException(node.address());
        }
        context.providers().configured(node, value);
    }

    /** The running provider of {@code node}, started if need be; throws after reporting a start that failed. */
    private static Provider start(WalkContext context, ProviderNode node) {
        try {
            return context.providers().get(node);
        } catch (ProviderException e) {
            context.report(io.netform.hcl.Diagnostic.error("Failed to start provider", e.getMessage(), null));
            throw new NodeFailedException(node.address());
        }
    }
}
