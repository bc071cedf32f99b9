package io.netform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.graph.CycleException;
import io.netform.hcl.Diagnostic;
import io.netform.lang.TemplateFiles;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.plan.SchemaValidation;
import io.netform.providers.ProviderInstaller;
import io.netform.providers.ProviderLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform validate}: checks the configuration, and each resource and data block against its
 * provider's schema, without reading variables or state and without configuring providers.
 */
@Command(name = "validate", description = "Check whether the configuration is valid.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Option(names = "-json", description = "Print the result as JSON (Terraform's validate format 1.0), for "
            + "editors and CI.")
    private boolean json;

    @Override
    public Integer call() {
        Ui ui = noColor ? netform.ui().withoutColor() : netform.ui();
        LoadResult loaded = ModuleLoader.load(netform.workingDir());
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        if (!loaded.hasErrors()) {
            try {
                ConfigGraph graph = ConfigGraphBuilder.build(loaded.root(), diagnostics);
                if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
                    diagnostics.addAll(withProviders(graph));
                }
            } catch (CycleException e) {
                diagnostics.add(Diagnostic.error("Cycle in the configuration", e.getMessage(), null));
            }
        }
        if (json) {
            return printJson(ui, diagnostics, loaded.sources());
        }
        if (new DiagnosticPrinter(ui, loaded.sources()).print(diagnostics)) {
            return 1;
        }
        ui.out().println(ui.green(ui.bold("Success!")) + " The configuration is valid.");
        return 0;
    }

    /** What the providers' schemas say of the resources and data sources: started, never configured. */
    private List<Diagnostic> withProviders(ConfigGraph graph) {
        Path dir = netform.workingDir();
        ProviderInstaller installer = PluginPaths.installer(dir);
        ProviderLauncher launcher = new ProviderLauncher((plugin, record) -> { }, dir);
        return SchemaValidation.run(graph, source -> launcher.start(installer.locate(source)),
                FunctionTable.pureOnly(FunctionRegistry.terraform(dir, new TemplateFiles())));
    }

    private static int printJson(Ui ui, List<Diagnostic> diagnostics, Map<String, String> sources) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("format_version", "1.0");
        out.put("valid", errors == 0);
        out.put("error_count", errors);
        out.put("warning_count", diagnostics.size() - errors);
        ArrayNode list = out.putArray("diagnostics");
        diagnostics.forEach(d -> list.add(JsonDiagnostic.encode(d, sources)));
        try {
            ui.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        return errors == 0 ? 0 : 1;
    }
}
