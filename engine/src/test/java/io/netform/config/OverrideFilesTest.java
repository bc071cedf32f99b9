package io.netform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.Resource;
import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Expression;
import io.netform.lang.Evaluator;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Override files merge into the primary files as Terraform merges them. */
class OverrideFilesTest {

    @TempDir
    Path dir;

    void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
    }

    static Value value(Expression e) {
        return Evaluator.evaluate(e, Scope.of(Map.of(), Functions.NONE)).value();
    }

    static Value argument(ResourceConfig r, String name) {
        return value(r.config().attributes().stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow()
                .expression());
    }

    static final String PRIMARY = """
            resource "testing_object" "web" {
              name  = "web"
              size  = 1
              rule {
                port = 80
              }
              rule {
                port = 443
              }
              tag {
                key = "keep"
              }
              lifecycle {
                create_before_destroy = true
                ignore_changes        = [size]
              }
            }
            """;

    @Test
    void argumentsAreReplacedNestedBlocksReplacedByTypeAndLifecycleMergedArgumentWise() throws IOException {
        write("main.tf", PRIMARY);
        write("override.tf", """
                resource "testing_object" "web" {
                  size = 3
                  rule {
                    port = 8443
                  }
                  lifecycle {
                    prevent_destroy = true
                  }
                }
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(ModuleLoaderTest.errors(loaded)).isEmpty();
        ResourceConfig web = loaded.root().resources().get(Resource.managed("testing_object", "web"));
        assertThat(argument(web, "name")).isEqualTo(Value.string("web"));
        assertThat(argument(web, "size")).isEqualTo(Value.number(3));
        assertThat(web.config().blocks()).extracting(Block::type).containsExactly("rule", "tag");
        Attribute port = web.config().blocks().get(0).body().attributes().get(0);
        assertThat(value(port.expression())).isEqualTo(Value.number(8443));
        assertThat(port.range().file()).isEqualTo("override.tf");
        assertThat(web.lifecycle().createBeforeDestroy()).isTrue();
        assertThat(web.lifecycle().preventDestroy()).isTrue();
        assertThat(web.lifecycle().ignoreChanges()).hasSize(1);
    }

    @Test
    void overrideFilesApplyInNameOrderAndMayBeJson() throws IOException {
        write("main.tf", PRIMARY);
        write("b_override.tf", "resource \"testing_object\" \"web\" {\n  name = \"from-b\"\n}\n");
        write("a_override.tf.json", """
                {"resource": {"testing_object": {"web": {
                  "name": "from-a", "size": 7, "tag": [{"key": "x"}, {"key": "y"}]
                }}}}
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(ModuleLoaderTest.errors(loaded)).isEmpty();
        ResourceConfig web = loaded.root().resources().get(Resource.managed("testing_object", "web"));
        assertThat(argument(web, "name")).isEqualTo(Value.string("from-b"));
        assertThat(argument(web, "size")).isEqualTo(Value.number(7));
        // the JSON "tag" stands for the tag blocks, so the original ones give way to it
        assertThat(web.config().blocks()).extracting(Block::type).containsExactly("rule", "rule");
        assertThat(web.config().attributes()).extracting(Attribute::name).contains("tag");
    }

    @Test
    void localsVariablesOutputsProvidersAndModuleCallsMerge() throws IOException {
        write("main.tf", """
                locals {
                  a = 1
                  b = 2
                }
                variable "zones" {
                  type    = list(string)
                  default = ["a"]
                }
                output "o" {
                  value       = local.a
                  description = "original"
                }
                provider "testing" {
                  alias = "west"
                  latency_ms = 1
                }
                provider "testing" {
                  latency_ms = 2
                }
                module "net" {
                  source = "./net"
                  size   = 1
                }
                """);
        Files.createDirectories(dir.resolve("net2"));
        write("net2/main.tf", "variable \"size\" {}\n");
        write("x_override.tf", """
                locals {
                  b = 20
                }
                variable "zones" {
                  default = ["b", "c"]
                }
                output "o" {
                  description = "overridden"
                }
                provider "testing" {
                  alias      = "west"
                  latency_ms = 10
                }
                module "net" {
                  source = "./net2"
                }
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(ModuleLoaderTest.errors(loaded)).isEmpty();
        Module root = loaded.root();
        assertThat(value(root.locals().get("a").expression())).isEqualTo(Value.number(1));
        assertThat(value(root.locals().get("b").expression())).isEqualTo(Value.number(20));
        assertThat(root.variables().get("zones").defaultValue().elements()).hasSize(2);
        assertThat(root.outputs().get("o").description()).isEqualTo("overridden");
        assertThat(root.providers().values())
                .extracting(p -> p.alias() + "="
                        + value(p.config().attributes().get(0).expression())
                                .asBigDecimal()
                                .intValue())
                .containsExactly("west=10", "null=2");
        assertThat(root.calls().get("net").source()).isEqualTo("./net2");
        assertThat(root.children().get("net").directory())
                .isEqualTo(dir.resolve("net2").toAbsolutePath().normalize());
    }

    @Test
    void anOverriddenTypeAppliesToTheOriginalDefault() throws IOException {
        write("main.tf", "variable \"n\" {\n  default = \"5\"\n}\nvariable \"m\" {\n  default = \"x\"\n}\n");
        write("override.tf", "variable \"n\" {\n  type = number\n}\nvariable \"m\" {\n  type = number\n}\n");
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.root().variables().get("n").defaultValue()).isEqualTo(Value.number(5));
        assertThat(ModuleLoaderTest.errors(loaded))
                .singleElement()
                .asString()
                .startsWith("main.tf:5:13: Invalid default value for variable");
    }

    @Test
    void requiredProvidersMergePerProviderAndRequiredVersionIsReplaced() throws IOException {
        write("main.tf", """
                terraform {
                  required_version = ">= 1.0"
                  required_providers {
                    testing = { source = "netform/testing", version = "~> 1.0" }
                    nsxt    = { source = "vmware/nsxt" }
                  }
                }
                """);
        write("override.tf", """
                terraform {
                  required_version = ">= 1.5"
                  required_providers {
                    testing = { source = "netform/testing", version = "~> 2.0" }
                  }
                }
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(ModuleLoaderTest.errors(loaded)).isEmpty();
        Module.Settings settings = loaded.root().settings();
        assertThat(settings.requiredVersion()).isEqualTo(">= 1.5");
        assertThat(settings.requiredProviders()).containsOnlyKeys("testing", "nsxt");
        assertThat(settings.requiredProviders().get("testing").version().toString())
                .contains("2.0");
    }

    @Test
    void anOverrideOfNothingOrOfDependsOnOrMovedIsAnError() throws IOException {
        write("main.tf", PRIMARY);
        write("override.tf", """
                resource "testing_object" "db" {
                  name = "db"
                }
                locals {
                  missing = 1
                }
                resource "testing_object" "web" {
                  depends_on = [testing_object.db]
                }
                moved {
                  from = testing_object.a
                  to   = testing_object.b
                }
                """);
        assertThat(ModuleLoaderTest.errors(ModuleLoader.load(dir)))
                .containsExactly(
                        "override.tf:1:1: Missing resource to override: There is no testing_object resource named \"db\". "
                                + "An override file can only override a resource block defined in a primary configuration "
                                + "file.",
                        "override.tf:5:3: Missing base local value definition to override: There is no local value named "
                                + "\"missing\". An override file can only override a local value that was already defined "
                                + "in a primary configuration file.",
                        "override.tf:8:3: Unsupported override: The depends_on argument may not be overridden.",
                        "override.tf:10:1: Cannot override 'moved' blocks: The moved blocks can appear only in normal files, "
                                + "not in override files.");
    }

    @Test
    void jsonAndNativeFilesMakeOneModule() throws IOException {
        write("main.tf", "variable \"name\" {\n  default = \"web\"\n}\n");
        write("extra.tf.json", """
                {
                  "//": "generated",
                  "resource": {"testing_object": {"web": {"name": "${var.name}", "count": 2}}},
                  "output": {"names": {"value": "${testing_object.web[*].name}"}}
                }
                """);
        write(".hidden.tf", "this is not loaded");
        write("main.tf~", "neither is this");
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(ModuleLoaderTest.errors(loaded)).isEmpty();
        ResourceConfig web = loaded.root().resources().get(Resource.managed("testing_object", "web"));
        assertThat(web.count()).isNotNull();
        assertThat(web.declRange()).hasToString("extra.tf.json:3:35");
        assertThat(loaded.root().outputs()).containsOnlyKeys("names");
        assertThat(loaded.sources()).containsOnlyKeys("main.tf", "extra.tf.json");
        LoadResult fromSnapshot = ModuleLoader.load(dir, loaded.sources());
        assertThat(fromSnapshot.root().resources()).containsOnlyKeys(Resource.managed("testing_object", "web"));
    }

    @Test
    void jsonErrorsNameTheJsonFile() throws IOException {
        write("main.tf.json", "{\"variable\": {\"x\": {\"typo\": 1}}}");
        assertThat(ModuleLoaderTest.errors(ModuleLoader.load(dir)))
                .singleElement()
                .asString()
                .startsWith("main.tf.json:1:21: Unsupported argument");
        write("main.tf.json", "{\"output\": {\"x\": {\"value\": \"${1 +}\"}}}");
        assertThat(ModuleLoaderTest.errors(ModuleLoader.load(dir)))
                .singleElement()
                .asString()
                .startsWith("main.tf.json:1:3");
    }
}
