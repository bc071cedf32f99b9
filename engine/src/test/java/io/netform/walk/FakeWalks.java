package io.netform.walk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.hcl.Diagnostic;
import io.netform.lang.TemplateFiles;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.plugins.ProviderClient;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walk contexts over the configuration in a directory, with Terraform's functions and one in-process
 * provider for every provider configuration: for tests of plan and apply without plugins.
 */
public final class FakeWalks {

    private FakeWalks() {}

    /** A fresh context for one plan or apply of the (valid) configuration in {@code dir}. */
    public static WalkContext context(Path dir, ProviderClient provider, Map<String, Value> variables) {
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph graph = ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
        assertThat(diagnostics).isEmpty();
        WalkValues values = new WalkValues();
        var functions = new FunctionTable(FunctionRegistry.terraform(dir, new TemplateFiles()));
        return new WalkContext(
                graph,
                values,
                new ScopeBuilder(values, functions, dir, "default"),
                new WalkProviders(graph, source -> provider),
                variables,
                "0.1.0");
    }

    /** Each diagnostic as a line: severity, place, summary and detail. */
    public static List<String> shown(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(d -> (d.isError() ? "error " : "warning ") + d.subject() + ": " + d.summary() + ": " + d.detail())
                .toList();
    }
}
