package io.netform.planner;

import io.netform.addrs.ResourceMode;
import io.netform.config.ResourceConfig;
import io.netform.graph.ConfigGraph;
import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import io.netform.hcl.Diagnostic;
import io.netform.lang.Evaluation;
import io.netform.lang.Reference;
import io.netform.lang.References;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.walk.ConfigDecoder;
import io.netform.walk.ProviderDiagnostics;
import io.netform.walk.ProviderFunctions;
import io.netform.walk.ProviderStarter;
import io.netform.walk.WalkProviders;
import io.netform.wire.ProviderDiagnostic;
import io.netform.wire.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of {@code validate} that needs the providers, as Terraform's validate walk does it: every
 * resource and data block names a type its provider has, its arguments and nested blocks fit that
 * type's schema, and the provider accepts it (ValidateResourceConfig / ValidateDataResourceConfig).
 * Validation reads no variables and no state, so every reference is an unknown value here; the
 * providers are started but not configured.
 */
public final class SchemaValidation {

    private SchemaValidation() {}

    /** The diagnostics of every resource and data block of the configuration. */
    public static List<Diagnostic> run(ConfigGraph graph, ProviderStarter factory, Functions functions) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Set<ProviderNode> unavailable = new HashSet<>();
        try (WalkProviders providers = new WalkProviders(graph, factory)) {
            ProviderFunctions providerFunctions = new ProviderFunctions(providers::forFunctions);
            graph.providers().forEach((node, providerNode) -> {
                if (unavailable.contains(providerNode)) {
                    return;
                }
                ResourceConfig config = graph.module(node.path()).resources().get(node.resource());
                ProviderClient provider;
                try {
                    provider = providers.get(providerNode);
                } catch (ProviderException e) {
                    // Reported once, at the first block that needs the provider.
                    unavailable.add(providerNode);
                    diagnostics.add(Diagnostic.error(
                            "Missing required provider",
                            "This configuration requires "
                                    + "the provider "
                                    + providers.sourceOf(providerNode).display() + ", but it cannot be "
                                    + "started: " + e.getMessage(),
                            config.declRange()));
                    return;
                }
                diagnostics.addAll(check(
                        node,
                        config,
                        provider,
                        providers.sourceOf(providerNode).display(),
                        providerFunctions.in(graph.module(node.path()), functions)));
            });
        }
        return diagnostics;
    }

    private static List<Diagnostic> check(
            ResourceNode node,
            ResourceConfig config,
            ProviderClient provider,
            String providerName,
            Functions functions) {
        Schema schema = Planner.typesOf(provider, node).get(node.resource().type());
        if (schema == null) {
            return List.of(Planner.unsupportedType(provider, node, providerName, config));
        }
        Evaluation decoded = ConfigDecoder.decode(config.config(), schema.block(), unknownScope(config, functions));
        List<Diagnostic> diagnostics = new ArrayList<>(decoded.diagnostics());
        if (decoded.diagnostics().stream().noneMatch(Diagnostic::isError)) {
            Value value = decoded.value().unmarkDeep();
            String type = node.resource().type();
            List<ProviderDiagnostic> found = node.resource().mode() == ResourceMode.DATA
                    ? provider.validateDataResourceConfig(type, value)
                    : provider.validateResourceConfig(type, value);
            diagnostics.addAll(ProviderDiagnostics.of(node.address(), config, found));
        }
        return diagnostics;
    }

    /** Every name the block refers to, as a value not known yet. */
    private static Scope unknownScope(ResourceConfig config, Functions functions) {
        Map<String, Value> names = new LinkedHashMap<>();
        for (io.netform.hcl.Expression expression : ConfigDecoder.expressions(config.config())) {
            for (Reference reference : References.of(expression)) {
                names.putIfAbsent(reference.root(), Value.unknown(Type.DYNAMIC));
            }
        }
        return Scope.of(names, functions);
    }
}
