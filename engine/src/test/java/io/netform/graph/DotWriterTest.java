package io.netform.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.Resource;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.hcl.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DOT a user pipes into Graphviz: the whole configuration, or only what a plan changes. */
class DotWriterTest {

    @TempDir
    Path dir;

    private ConfigGraph graph() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                resource "testing_object" "a" {
                  name = "a"
                }
                resource "testing_object" "b" {
                  name = testing_object.a.id
                }
                resource "testing_object" "c" {
                  name = testing_object.b.id
                }
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph graph = ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
        assertThat(diagnostics).isEmpty();
        return graph;
    }

    private static Node resource(String name) {
        return new Node.ResourceNode(List.of(), Resource.managed("testing_object", name));
    }

    @Test
    void theWholeGraphHasEveryResourceAndItsProvider() throws Exception {
        String dot = DotWriter.write(graph(), false);
        assertThat(dot)
                .contains("\"testing_object.a\" [label = \"testing_object.a\", shape = \"box\"]")
                .contains("\"testing_object.c\" -> \"testing_object.b\"")
                .contains("shape = \"ellipse\"");
    }

    @Test
    void aPartialGraphJoinsTheShownResourcesThroughHiddenOnes() throws Exception {
        String dot = DotWriter.write(
                graph(),
                false,
                Map.of(resource("a"), "testing_object.a (create)", resource("c"), "testing_object.c (update)"));
        assertThat(dot)
                .contains("[label = \"testing_object.a (create)\"")
                .contains("[label = \"testing_object.c (update)\"")
                .contains("\"testing_object.c\" -> \"testing_object.a\"")
                .doesNotContain("\"testing_object.b\"");
        assertThat(DotWriter.write(graph(), true, Map.of(resource("a"), "a", resource("c"), "c")))
                .contains("\"testing_object.a\" -> \"testing_object.c\"");
    }
}
