package io.netform.cli;

import io.netform.addrs.ProviderSource;
import io.netform.core.ProviderFactory;
import io.netform.hcl.Diagnostic;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.plugins.VersionConstraint;
import io.netform.state.State;
import io.netform.wire.ProviderSchema;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas of the providers whose objects are in state, fetched by starting each installed
 * provider once, so that {@code show} and {@code state show} know attributes from nested blocks, maps
 * from objects, and which attributes the provider declares sensitive.
 */
final class StateSchemas {

    private StateSchemas() {}

    /**
     * The schema of every provider in {@code state} that can be started. One that cannot (not installed
     * yet, say) is left out with a warning: its objects are then shown with the types their JSON implies.
     */
    static Map<ProviderSource, ProviderSchema> load(NetformCommand netform, State state, Ui ui) {
        Set<ProviderSource> sources = new LinkedHashSet<>();
        state.resources()
                .values()
                .forEach(resource -> sources.add(resource.provider().source()));
        return load(netform, sources, ui);
    }

    /** The schema of each of {@code sources} that can be started; the others are left out with a warning. */
    static Map<ProviderSource, ProviderSchema> load(NetformCommand netform, Collection<ProviderSource> sources, Ui ui) {
        Map<ProviderSource, ProviderSchema> schemas = new LinkedHashMap<>();
        ProviderFactory.Starter providers = netform.engine().providers(netform.workingDir(), netform.env());
        for (ProviderSource source : new LinkedHashSet<>(sources)) {
            try (ProviderClient provider = providers.start(source, VersionConstraint.any())) {
                schemas.put(source, provider.schema());
            } catch (ProviderException e) {
                new DiagnosticPrinter(ui, Map.of())
                        .print(List.of(Diagnostic.warning(
                                "Could not load the schema of " + source.display(),
                                e.getMessage() + "\nIts objects are shown without it; run netform init to install it.",
                                null)));
            }
        }
        return schemas;
    }
}
