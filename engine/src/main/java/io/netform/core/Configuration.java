package io.netform.core;

import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.graph.ConfigGraph;
import java.nio.file.Path;
import java.util.Map;

/** A loaded configuration: its module tree, the dependency graph built from it, and the text of its files. */
public record Configuration(Path dir, LoadResult loaded, ConfigGraph graph) {

    /** The root module. */
    public Module root() {
        return loaded.root();
    }

    /** The text of every file loaded, by the name diagnostics use. */
    public Map<String, String> sources() {
        return loaded.sources();
    }
}
