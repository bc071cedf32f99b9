package io.netform.cli;

import io.netform.addrs.ProviderSource;
import io.netform.config.Module;
import io.netform.config.ProviderRequirement;
import io.netform.config.ResourceConfig;
import io.netform.graph.ConfigGraph;
import io.netform.graph.Node.ProviderNode;
import io.netform.state.ResourceState;
import io.netform.state.State;
import io.netform.walk.WalkProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform providers}: the providers each module of the configuration requires, with their
 * version constraints, as a tree, then the providers the objects in state were made with.
 */
@Command(name = "providers", description = "Show the providers required by the configuration and the state.")
final class ProvidersCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Override
    public Integer call() {
        Ui ui = netform.ui();
        Optional<ConfigGraph> loaded = GraphCommand.load(netform, ui);
        if (loaded.isEmpty()) {
            return 1;
        }
        ConfigGraph graph = loaded.get();
        WalkProviders sources = new WalkProviders(graph, source -> {
            throw new IllegalStateException("netform providers starts no provider");
        });
        StringBuilder out = new StringBuilder("\nProviders required by configuration:\n.\n");
        tree(graph.module(List.of()), sources, "", out);
        StateSnapshot snapshot = StateSnapshot.of(netform, null, ui);
        State state = snapshot.exists() ? snapshot.read() : null;
        if (state != null && !state.resources().isEmpty()) {
            out.append("\nProviders required by state:\n\n");
            new TreeSet<>(state.resources().values().stream()
                            .map(ResourceState::provider)
                            .map(p -> p.source().toString())
                            .toList())
                    .forEach(s -> out.append("    provider[").append(s).append("]\n\n"));
        }
        ui.out().print(out);
        return 0;
    }

    /** Writes the providers of {@code m}, then its child modules, each line under {@code indent}. */
    private static void tree(Module m, WalkProviders sources, String indent, StringBuilder out) {
        List<String> lines = new ArrayList<>();
        requirements(m, sources)
                .forEach((source, version) ->
                        lines.add("provider[" + source + "]" + (version.isEmpty() ? "" : " " + version)));
        List<Module> children = new ArrayList<>(m.children().values());
        for (int i = 0; i < lines.size() + children.size(); i++) {
            boolean last = i == lines.size() + children.size() - 1;
            out.append(indent).append(last ? "└── " : "├── ");
            if (i < lines.size()) {
                out.append(lines.get(i)).append('\n');
            } else {
                Module child = children.get(i - lines.size());
                out.append("module.")
                        .append(child.path().get(child.path().size() - 1))
                        .append('\n');
                tree(child, sources, indent + (last ? "    " : "│   "), out);
            }
        }
    }

    /** The providers a module requires or uses, by source, with its version constraint (or ""). */
    private static Map<ProviderSource, String> requirements(Module m, WalkProviders sources) {
        Map<ProviderSource, String> found = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (ProviderRequirement r : m.settings().requiredProviders().values()) {
            found.put(r.source(), r.version().toString());
        }
        List<String> used = new ArrayList<>(m.providers().keySet());
        m.resources().values().stream().map(ResourceConfig::provider).forEach(used::add);
        for (String key : used) {
            found.putIfAbsent(sources.sourceOf(new ProviderNode(m.path(), key)), "");
        }
        return found;
    }
}
