package io.netform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.Expression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateBlockDecoderTest {

    @TempDir
    Path dir;

    private LoadResult load(String main) throws IOException {
        Files.writeString(dir.resolve("main.tf"), main);
        return ModuleLoader.load(dir);
    }

    @Test
    void decodesImportMovedAndRemovedBlocks() throws IOException {
        LoadResult r = load("""
                resource "t_x" "a" {
                  for_each = toset(["k"])
                }
                import {
                  to = t_x.a["k"]
                  id = "id-1"
                }
                import {
                  for_each = { k = "id-2" }
                  to       = module.m.t_x.b[each.key]
                  id       = each.value
                }
                moved {
                  from = t_x.old[0]
                  to   = t_x.a["k"]
                }
                moved {
                  from = module.x
                  to   = module.y["z"]
                }
                removed {
                  from = t_x.gone
                  lifecycle {
                    destroy = false
                  }
                }
                removed {
                  from = module.gone
                }
                """);
        assertThat(ModuleLoaderTest.errors(r)).isEmpty();
        StateBlocks blocks = r.root().stateBlocks();
        assertThat(blocks.imports()).hasSize(2);
        assertThat(blocks.imports().get(0).resource().toString()).isEqualTo("t_x.a");
        assertThat(blocks.imports().get(0).key()).isInstanceOf(Expression.Template.class);
        assertThat(blocks.imports().get(1).resource().toString()).isEqualTo("module.m.t_x.b");
        assertThat(blocks.imports().get(1).key()).isInstanceOf(Expression.GetAttr.class);
        assertThat(blocks.moves())
                .extracting(m -> m.from() + " -> " + m.to())
                .containsExactly("t_x.old[0] -> t_x.a[\"k\"]", "module.x -> module.y[\"z\"]");
        assertThat(blocks.removals())
                .extracting(b -> b.from() + " " + b.destroy())
                .containsExactly("t_x.gone false", "module.gone true");
    }

    @Test
    void reportsBlocksThatCannotWork() throws IOException {
        LoadResult r = load("""
                moved {
                  from = t_x.a
                  to   = t_y.a
                }
                moved {
                  from = "t_x.a"
                  to   = t_x.b
                }
                import {
                  to = module.m
                  id = "x"
                }
                removed {
                  from = t_x.a[0]
                }
                """);
        assertThat(ModuleLoaderTest.errors(r))
                .hasSize(4)
                .anyMatch(e -> e.contains("main.tf:1:1") && e.contains("same resource type (t_x)"))
                .anyMatch(e -> e.contains("main.tf:6:10") && e.contains("Invalid \"from\" address"))
                .anyMatch(e -> e.contains("Invalid import address") && e.contains("not a module"))
                .anyMatch(e -> e.contains("Resource instance keys not allowed"));
    }

    @Test
    void importBlocksBelongInTheRootModuleOnly() throws IOException {
        Files.createDirectories(dir.resolve("child"));
        Files.writeString(dir.resolve("child/main.tf"), """
                import {
                  to = t_x.a
                  id = "x"
                }
                """);
        LoadResult r = load("""
                module "child" {
                  source = "./child"
                }
                """);
        assertThat(ModuleLoaderTest.errors(r))
                .singleElement()
                .asString()
                .contains("Import blocks are only allowed in the root module");
    }
}
