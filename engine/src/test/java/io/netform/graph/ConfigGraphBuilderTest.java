package io.netform.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.hcl.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigGraphBuilderTest {

    @TempDir
    Path dir;

    ConfigGraph build(List<Diagnostic> diagnostics, String main) throws IOException {
        Files.writeString(dir.resolve("main.tf"), main);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        return ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
    }

    static Set<String> edges(ConfigGraph g) {
        return g.graph().edgeSet().stream()
                .map(e -> g.graph().getEdgeSource(e).address() + " -> "
                        + g.graph().getEdgeTarget(e).address())
                .collect(Collectors.toSet());
    }

    @Test
    void connectsEachDeclarationToWhatItRefersTo() throws IOException {
        Files.createDirectories(dir.resolve("child"));
        Files.writeString(dir.resolve("child/main.tf"), """
                variable "parent_id" {}
                resource "testing_object" "inner" {
                  name = var.parent_id
                }
                output "id" {
                  value = testing_object.inner.id
                }
                """);
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph g = build(diagnostics, """
                variable "n" {
                  default = 2
                }
                locals {
                  prefix = "x-${var.n}"
                }
                resource "testing_object" "a" {
                  count = var.n
                  name  = "${local.prefix}-${count.index}"
                  dynamic "item" {
                    for_each = ["k"]
                    content {
                      key = item.value
                    }
                  }
                }
                module "c" {
                  source    = "./child"
                  parent_id = testing_object.a[0].id
                }
                data "testing_echo" "e" {
                  input      = module.c.id
                  depends_on = [testing_object.a]
                }
                output "echo" {
                  value = data.testing_echo.e.output
                }
                """);
        assertThat(diagnostics).isEmpty();
        assertThat(edges(g))
                .contains(
                        "var.n -> local.prefix",
                        "var.n -> testing_object.a",
                        "local.prefix -> testing_object.a",
                        "provider[\"testing\"] -> testing_object.a",
                        "testing_object.a -> module.c.var.parent_id",
                        "module.c -> module.c.var.parent_id",
                        "module.c.var.parent_id -> module.c.testing_object.inner",
                        "provider[\"testing\"] -> module.c.testing_object.inner",
                        "module.c.testing_object.inner -> module.c.output.id",
                        "module.c.output.id -> data.testing_echo.e",
                        "testing_object.a -> data.testing_echo.e",
                        "data.testing_echo.e -> output.echo");
        assertThat(g.providers().values()).extracting(Node::address).containsOnly("provider[\"testing\"]");
    }

    @Test
    void reportsReferencesToUndeclaredThings() throws IOException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph g = build(diagnostics, """
                variable "name" {}
                resource "testing_object" "a" {
                  name  = var.nme
                  value = "${local.x}${count.index}${each.key}"
                  tags  = { a = testing_object.b.id, b = module.m.x, c = data.testing_echo.x.output }
                }
                output "o" {
                  value = path.nowhere
                }
                """);
        assertThat(g).isNull();
        assertThat(diagnostics)
                .extracting(d -> d.subject() + " " + d.summary())
                .containsExactly(
                        "main.tf:8:11 Invalid \"path\" attribute",
                        "main.tf:3:11 Reference to undeclared input variable",
                        "main.tf:4:14 Reference to undeclared local value",
                        "main.tf:4:24 Reference to \"count\" in non-counted context",
                        "main.tf:4:38 Reference to \"each\" in context without for_each",
                        "main.tf:5:17 Reference to undeclared resource",
                        "main.tf:5:42 Reference to undeclared module",
                        "main.tf:5:58 Reference to undeclared resource");
        assertThat(diagnostics.get(1).detail()).contains("Did you mean \"name\"?");
    }

    @Test
    void aCycleNamesEveryDeclarationOnIt() throws IOException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph graph = build(diagnostics, """
                resource "testing_object" "a" {
                  name = testing_object.b.id
                }
                resource "testing_object" "b" {
                  name = local.l
                }
                locals {
                  l = testing_object.a.id
                }
                """);
        assertThat(graph).isNull();
        assertThat(diagnostics)
                .extracting(Diagnostic::summary, Diagnostic::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "Cycle in the configuration", "Cycle: local.l, testing_object.a, testing_object.b"));
    }
}
