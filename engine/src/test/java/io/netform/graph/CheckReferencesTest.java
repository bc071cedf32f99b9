package io.netform.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.Resource;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.Node.ResourceNode;
import io.netform.hcl.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References in custom conditions and check blocks: what they connect and what they may not name. */
class CheckReferencesTest {

    @TempDir
    Path dir;

    final List<Diagnostic> diagnostics = new ArrayList<>();

    ConfigGraph build(String main) throws IOException {
        Files.writeString(dir.resolve("main.tf"), main);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        return ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
    }

    List<String> errors() {
        return diagnostics.stream()
                .map(d -> d.subject() + ": " + d.summary() + ": " + d.detail())
                .toList();
    }

    @Test
    void conditionsMakeTheirResourceDependOnWhatTheyReferTo() throws IOException {
        ConfigGraph g = build("""
                variable "size" {}
                resource "testing_object" "base" {
                  name = "base"
                }
                resource "testing_object" "a" {
                  name = "a"
                  lifecycle {
                    precondition {
                      condition     = var.size > 0
                      error_message = "size"
                    }
                    postcondition {
                      condition     = self.value == testing_object.base.id
                      error_message = "value"
                    }
                  }
                }
                output "o" {
                  value = 1
                  precondition {
                    condition     = testing_object.a.id != ""
                    error_message = "no id"
                  }
                }
                """);
        assertThat(errors()).isEmpty();
        assertThat(ConfigGraphBuilderTest.edges(g))
                .contains(
                        "var.size -> testing_object.a",
                        "testing_object.base -> testing_object.a",
                        "testing_object.a -> output.o");
    }

    @Test
    void selfIsOnlyForPostconditions() throws IOException {
        build("""
                resource "testing_object" "a" {
                  name = "a"
                  lifecycle {
                    precondition {
                      condition     = self.name == "a"
                      error_message = "x"
                    }
                  }
                }
                """);
        assertThat(errors()).singleElement().asString().startsWith("main.tf:5:23: Invalid \"self\" reference");
    }

    @Test
    void aCheckSeesItsScopedDataAndTheModuleAndRecordsWhatItsDataDependsOn() throws IOException {
        ConfigGraph g = build("""
                resource "testing_object" "web" {
                  name = "web"
                }
                check "web" {
                  data "testing_echo" "probe" {
                    input = testing_object.web.id
                  }
                  data "testing_echo" "second" {
                    input = data.testing_echo.probe.output
                  }
                  assert {
                    condition     = data.testing_echo.second.output == testing_object.web.id
                    error_message = "no answer"
                  }
                }
                """);
        assertThat(errors()).isEmpty();
        ScopedData second = g.scoped().get(new ResourceNode(List.of(), Resource.data("testing_echo", "second")));
        assertThat(second.dependencies())
                .containsExactly(new ResourceNode(List.of(), Resource.managed("testing_object", "web")));
        assertThat(second.provider().key()).isEqualTo("testing");
        assertThat(g.graph().vertexSet()).noneMatch(n -> n.address().contains("testing_echo"));
    }

    @Test
    void scopedDataIsNotVisibleOutsideItsCheckAndBadReferencesInChecksAreReported() throws IOException {
        build("""
                check "a" {
                  data "testing_echo" "probe" {
                    input = var.missing
                  }
                  assert {
                    condition     = data.testing_echo.probe.output == local.nothing
                    error_message = "x"
                  }
                }
                check "b" {
                  assert {
                    condition     = data.testing_echo.probe.output == "x"
                    error_message = "x"
                  }
                }
                output "leak" {
                  value = data.testing_echo.probe.output
                }
                """);
        assertThat(errors())
                .containsExactlyInAnyOrder(
                        "main.tf:3:13: Reference to undeclared input variable: An input variable with the name \"missing\" "
                                + "has not been declared. This variable can be declared with a variable \"missing\" {} "
                                + "block.",
                        "main.tf:6:55: Reference to undeclared local value: A local value with the name \"nothing\" has "
                                + "not been declared.",
                        "main.tf:12:21: Reference to scoped resource: The referenced data resource \"testing_echo\" "
                                + "\"probe\" is scoped to check \"a\": it can be used only inside that check block.",
                        "main.tf:17:11: Reference to scoped resource: The referenced data resource \"testing_echo\" "
                                + "\"probe\" is scoped to check \"a\": it can be used only inside that check block.");
    }
}
