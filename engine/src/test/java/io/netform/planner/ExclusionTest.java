package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.AddressParser;
import io.netform.addrs.Resource;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.graph.Node.ResourceNode;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Plan;
import io.netform.walk.Targeting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code -exclude} leaves in, alone and with {@code -target}, for plans and destroys. */
class ExclusionTest {

    @TempDir
    Path dir;

    ConfigGraph graph;

    @BeforeEach
    void build() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                resource "testing_object" "base" {
                  name = "base"
                }
                resource "testing_object" "app" {
                  count = 2
                  name  = "app-${count.index}"
                  value = testing_object.base.id
                }
                locals {
                  app_ids = testing_object.app[*].id
                }
                resource "testing_object" "report" {
                  name  = "report"
                  value = join(",", local.app_ids)
                }
                resource "testing_object" "other" {
                  name = "other"
                }
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        List<Diagnostic> diagnostics = new ArrayList<>();
        graph = ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
        assertThat(diagnostics).isEmpty();
    }

    Targeting targeting(List<String> targets, List<String> excludes, Plan.Mode mode) {
        return Targeting.of(
                graph,
                targets.stream().map(AddressParser::parse).toList(),
                excludes.stream().map(AddressParser::parse).toList(),
                mode);
    }

    /** The instances {@code t} keeps, of base, app[0], app[1], report and other. */
    static List<String> kept(Targeting t) {
        return Stream.of(
                        "testing_object.base",
                        "testing_object.app[0]",
                        "testing_object.app[1]",
                        "testing_object.report",
                        "testing_object.other")
                .filter(a -> t.includes(AddressParser.parseInstance(a)))
                .toList();
    }

    @Test
    void anExcludedResourceTakesWhatDependsOnItOutEvenThroughLocals() {
        Targeting t = targeting(List.of(), List.of("testing_object.base"), Plan.Mode.NORMAL);
        assertThat(t.isActive()).isTrue();
        assertThat(kept(t)).containsExactly("testing_object.other");
        assertThat(t.includes(new ResourceNode(List.of(), Resource.managed("testing_object", "app"))))
                .isFalse();
    }

    @Test
    void anExcludedInstanceKeepsItsSiblingsButNotTheDependentsOfItsResource() {
        Targeting t = targeting(List.of(), List.of("testing_object.app[1]"), Plan.Mode.NORMAL);
        assertThat(kept(t)).containsExactly("testing_object.base", "testing_object.app[0]", "testing_object.other");
        assertThat(t.includes(new ResourceNode(List.of(), Resource.managed("testing_object", "app"))))
                .isTrue();
    }

    @Test
    void aDestroyExcludingAnObjectKeepsWhatItDependsOn() {
        Targeting t = targeting(List.of(), List.of("testing_object.app"), Plan.Mode.DESTROY);
        assertThat(kept(t)).containsExactly("testing_object.report", "testing_object.other");
    }

    @Test
    void exclusionsNarrowTargets() {
        Targeting t = targeting(List.of("testing_object.report"), List.of("testing_object.app[0]"), Plan.Mode.NORMAL);
        assertThat(kept(t)).containsExactly("testing_object.base", "testing_object.app[1]");
        assertThat(targeting(List.of(), List.of(), Plan.Mode.NORMAL).isActive()).isFalse();
    }
}
