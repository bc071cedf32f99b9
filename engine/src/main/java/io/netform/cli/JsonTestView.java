package io.netform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.ProviderSource;
import io.netform.hcl.Diagnostic;
import io.netform.moduletest.FileResult;
import io.netform.moduletest.RunResult;
import io.netform.moduletest.TestStatus;
import io.netform.plan.PlanJson;
import io.netform.state.State;
import io.netform.state.StateJson;
import io.netform.wire.ProviderSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code netform test -json}: Terraform's machine-readable test messages, {@code test_abstract}, {@code test_file},
 * {@code test_run}, {@code test_cleanup} and {@code test_summary}, with diagnostics tagged by file and run, and
 * with {@code -verbose} each run's {@code test_plan} ({@code command = plan}) or {@code test_state} (apply).
 */
final class JsonTestView implements TestView {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonUiStream json;
    private final Map<String, String> sources;
    /** With -verbose, the schemas to encode a run's state with; null without it. */
    private final Function<State, Map<ProviderSource, ProviderSchema>> verboseSchemas;

    JsonTestView(
            JsonUiStream json,
            Map<String, String> sources,
            Function<State, Map<ProviderSource, ProviderSchema>> verboseSchemas) {
        this.json = json;
        this.sources = sources;
        this.verboseSchemas = verboseSchemas;
    }

    @Override
    public void found(Map<String, List<String>> runsByFile) {
        ObjectNode body = NODES.objectNode();
        int runs = 0;
        for (var e : runsByFile.entrySet()) {
            body.set(
                    e.getKey(),
                    NODES.arrayNode()
                            .addAll(e.getValue().stream().map(NODES::textNode).toList()));
            runs += e.getValue().size();
        }
        String text = "Found " + runsByFile.size() + (runsByFile.size() == 1 ? " file" : " files") + " and " + runs
                + (runs == 1 ? " run block" : " run blocks");
        json.test("info", text, "test_abstract", body, null, null);
    }

    @Override
    public void diagnostics(List<Diagnostic> diagnostics) {
        diagnostics.forEach(d -> json.diagnostic(d, sources, null, null));
    }

    @Override
    public void fileStarted(String name) {
        json.test("info", name + "... in progress", "test_file", file(name, "starting", null), name, null);
    }

    @Override
    public void runCompleted(String file, RunResult run) {
        ObjectNode body = NODES.objectNode();
        body.put("path", file);
        body.put("run", run.name());
        body.put("progress", "complete");
        // Terraform gives a finished run's duration in milliseconds; a skipped run never started
        if (run.status() != TestStatus.SKIP) {
            body.put("elapsed", run.elapsedMillis());
        }
        body.put("status", run.status().word());
        json.test("info", "  \"" + run.name() + "\"... " + run.status().word(), "test_run", body, file, run.name());
        if (verboseSchemas != null && run.state() != null) {
            json.test(
                    "info",
                    "-verbose flag enabled, printing state",
                    "test_state",
                    StateJson.forRenderer(run.state(), verboseSchemas.apply(run.state())),
                    file,
                    run.name());
        } else if (verboseSchemas != null && run.plan() != null) {
            json.test(
                    "info",
                    "-verbose flag enabled, printing plan",
                    "test_plan",
                    PlanJson.forRenderer(run.plan()),
                    file,
                    run.name());
        }
        run.diagnostics().forEach(d -> json.diagnostic(d, sources, file, run.name()));
    }

    @Override
    public void tearingDown(String name) {
        json.test("info", name + "... tearing down", "test_file", file(name, "teardown", null), name, null);
    }

    @Override
    public void fileCompleted(FileResult file) {
        if (!file.leftBehind().isEmpty()) {
            ObjectNode cleanup = NODES.objectNode();
            var failed = cleanup.putArray("failed_resources");
            file.leftBehind().forEach(left -> {
                ObjectNode resource = failed.addObject().put("instance", left.instance());
                if (left.deposedKey() != null) {
                    resource.put("deposed_key", left.deposedKey());
                }
            });
            json.test(
                    "error",
                    "Netform left some resources in state after executing " + file.name()
                            + ", they need to be cleaned up manually.",
                    "test_cleanup",
                    cleanup,
                    file.name(),
                    null);
        }
        file.cleanup().forEach(d -> json.diagnostic(d, sources, file.name(), null));
        json.test(
                "info",
                file.name() + "... " + file.status().word(),
                "test_file",
                file(file.name(), "complete", file.status()),
                file.name(),
                null);
        file.diagnostics().forEach(d -> json.diagnostic(d, sources, file.name(), null));
    }

    @Override
    public void conclusion(List<FileResult> files) {
        ObjectNode summary = NODES.objectNode();
        TestStatus status = TestView.status(files);
        summary.put("status", status.word());
        int[] counts = new int[TestStatus.values().length];
        files.forEach(f -> f.runs().forEach(r -> counts[r.status().ordinal()]++));
        summary.put("passed", counts[TestStatus.PASS.ordinal()]);
        summary.put("failed", counts[TestStatus.FAIL.ordinal()]);
        summary.put("errored", counts[TestStatus.ERROR.ordinal()]);
        summary.put("skipped", counts[TestStatus.SKIP.ordinal()]);
        json.test("info", TestView.summary(files, s -> s, s -> s), "test_summary", summary, null, null);
    }

    private static JsonNode file(String name, String progress, TestStatus status) {
        ObjectNode body = NODES.objectNode();
        body.put("path", name);
        body.put("progress", progress);
        if (status != null) {
            body.put("status", status.word());
        }
        return body;
    }
}
