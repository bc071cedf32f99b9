package io.netform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.Resource;
import io.netform.hcl.Diagnostic;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleLoaderTest {

    @TempDir
    Path dir;

    void write(String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    static List<String> errors(LoadResult r) {
        return r.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(d -> d.subject() + ": " + d.summary() + ": " + d.detail())
                .toList();
    }

    @Test
    void decodesEveryKindOfBlock() throws IOException {
        write("main.tf", """
                terraform {
                  required_version = ">= 1.5"
                  required_providers {
                    nsxt = { source = "vmware/nsxt", version = "~> 3.4" }
                  }
                  backend "local" {
                    path = "state/dev.tfstate"
                  }
                }

                provider "nsxt" {
                  host = "embedded"
                }

                provider "nsxt" {
                  alias = "west"
                  host  = "nsx-west"
                }

                variable "namespaces" {
                  type        = list(object({ name = string, quota = optional(number, 10) }))
                  default     = [{ name = "default" }]
                  description = "Namespaces of the cluster"
                  validation {
                    condition     = length(var.namespaces) > 0
                    error_message = "At least one namespace."
                  }
                }

                locals {
                  prefix = "dev-${var.cluster}"
                }

                resource "nsxt_policy_segment" "ns" {
                  for_each     = { for ns in var.namespaces : ns.name => ns }
                  provider     = nsxt.west
                  display_name = "${local.prefix}-${each.key}"
                  depends_on   = [nsxt_policy_tier1_gateway.t1]
                  lifecycle {
                    create_before_destroy = true
                    ignore_changes        = [tags, subnet[0].cidr]
                  }
                  subnet {
                    cidr = "10.0.0.1/24"
                  }
                }

                data "nsxt_policy_tier0_gateway" "t0" {
                  display_name = "T0"
                }

                module "ingress" {
                  source    = "./modules/ingress"
                  count     = 2
                  vip       = "10.1.1.${count.index}"
                  providers = { nsxt = nsxt.west }
                }

                output "segments" {
                  value     = nsxt_policy_segment.ns
                  sensitive = true
                }
                """);
        write("variables.tf", "variable \"cluster\" {\n  type = string\n}\n");
        write("modules/ingress/main.tf", "variable \"vip\" {}\nresource \"nsxt_policy_lb_service\" \"lb\" {}\n");

        LoadResult result = ModuleLoader.load(dir);
        assertThat(errors(result)).isEmpty();
        Module root = result.root();
        assertThat(root.settings().requiredVersion()).isEqualTo(">= 1.5");
        assertThat(root.settings().requiredProviders().get("nsxt").source().toString())
                .isEqualTo("registry.terraform.io/vmware/nsxt");
        assertThat(root.settings().backendConfig()).containsEntry("path", "state/dev.tfstate");
        assertThat(root.providers()).containsOnlyKeys("nsxt", "nsxt.west");

        Variable namespaces = root.variables().get("namespaces");
        assertThat(namespaces.validations()).hasSize(1);
        assertThat(namespaces.defaultValue().elements().get(0).getAttr("quota")).isEqualTo(Value.number(10));
        assertThat(root.variables().get("cluster").isRequired()).isTrue();
        assertThat(root.variables().get("cluster").type().type()).isEqualTo(Type.STRING);

        ResourceConfig ns = root.resources().get(Resource.managed("nsxt_policy_segment", "ns"));
        assertThat(ns.forEach()).isNotNull();
        assertThat(ns.provider()).isEqualTo("nsxt.west");
        assertThat(ns.dependsOn()).hasSize(1);
        assertThat(ns.lifecycle().createBeforeDestroy()).isTrue();
        assertThat(ns.lifecycle().ignoreChanges())
                .containsExactly(
                        AttributePath.of("tags"),
                        AttributePath.of("subnet").index(0).attr("cidr"));
        assertThat(ns.config().attributes()).extracting(a -> a.name()).containsExactly("display_name");
        assertThat(ns.config().blocks()).extracting(b -> b.type()).containsExactly("subnet");

        assertThat(root.resources()
                        .get(Resource.data("nsxt_policy_tier0_gateway", "t0"))
                        .provider())
                .isEqualTo("nsxt");
        ModuleCall ingress = root.calls().get("ingress");
        assertThat(ingress.inputs()).containsOnlyKeys("vip");
        assertThat(ingress.providers()).isEqualTo(Map.of("nsxt", "nsxt.west"));
        Module child = root.children().get("ingress");
        assertThat(child.path()).containsExactly("ingress");
        assertThat(child.resources()).containsOnlyKeys(Resource.managed("nsxt_policy_lb_service", "lb"));
        assertThat(root.outputs().get("segments").sensitive()).isTrue();
    }

    @Test
    void reportsMistakesWithTheirPlaceAndAHint() throws IOException {
        write("main.tf", """
                resource "t_x" "a" {
                  count    = 1
                  for_each = {}
                }
                resource "t_x" "a" {}
                variable "v" {
                  tpye = string
                }
                variable "w" {
                  type    = number
                  default = "ten"
                }
                variable "u" {
                  type = strin
                }
                locals {
                  a = 1
                }
                locals {
                  a = 2
                }
                module "m" {
                  source = "./nowhere"
                }
                output "o" {
                  value = var.v
                  sensitive = var.x
                }
                resourc "x" "y" {}
                """);
        assertThat(errors(ModuleLoader.load(dir)))
                .containsExactly(
                        "main.tf:29:1: Unsupported block type: Blocks of type \"resourc\" are not expected here. "
                                + "Did you mean \"resource\"?",
                        "main.tf:3:3: Invalid combination of \"count\" and \"for_each\": The \"count\" and \"for_each\" "
                                + "meta-arguments are mutually-exclusive, only one should be used to be explicit about the "
                                + "number of resources to be created.",
                        "main.tf:5:16: Duplicate resource \"t_x\" configuration: A t_x resource named \"a\" was already "
                                + "declared at main.tf:1:16. Resource names must be unique per type in each module.",
                        "main.tf:7:3: Unsupported argument: An argument named \"tpye\" is not expected here. "
                                + "Did you mean \"type\"?",
                        "main.tf:11:13: Invalid default value for variable: This default value is not compatible with the "
                                + "variable's type constraint: a number is required.",
                        "main.tf:14:10: Invalid type specification: The keyword \"strin\" is not a valid type "
                                + "specification.",
                        "main.tf:20:3: Duplicate local value definition: A local value named \"a\" was already defined at "
                                + "main.tf:17:3. Local value names must be unique within a module.",
                        "main.tf:27:15: Variables not allowed: Variables may not be used here: sensitive must be a "
                                + "constant value.",
                        "main.tf:22:8: Unreadable module directory: The module directory nowhere does not exist or cannot "
                                + "be read.");
    }

    @Test
    void anEmptyDirectoryIsAnError() {
        assertThat(errors(ModuleLoader.load(dir))).singleElement().asString().contains("No configuration files");
    }

    @Test
    void aModuleThatCallsItselfIsACycle() throws IOException {
        write("main.tf", "module \"loop\" {\n  source = \"./m\"\n}\n");
        write("m/main.tf", "module \"again\" {\n  source = \"../m\"\n}\n");
        assertThat(errors(ModuleLoader.load(dir)))
                .singleElement()
                .asString()
                .contains("Module cycle")
                .startsWith("m/main.tf:1:8");
    }

    @Test
    void aSnapshotOfTheFilesLoadsTheSameConfigurationAsTheDirectory() throws IOException {
        write("root/main.tf", """
                variable "zone" {
                  default = "a"
                }
                module "net" {
                  source = "./modules/net"
                  zone   = var.zone
                }
                module "shared" {
                  source = "../mods/shared"
                }
                output "id" {
                  value = module.net.id
                }
                """);
        write(
                "root/modules/net/main.tf",
                "variable \"zone\" {}\nresource \"t_x\" \"a\" {\n  z = var.zone\n}\n"
                        + "output \"id\" {\n  value = t_x.a.id\n}\n");
        write("root/modules/net/extra.tf", "resource \"t_x\" \"b\" {\n  count = 2\n}\n");
        write("root/modules/net/README.md", "not configuration");
        write("mods/shared/main.tf", "locals {\n  x = 1\n}\n");
        Path root = dir.resolve("root");
        LoadResult fromDisk = ModuleLoader.load(root);
        assertThat(fromDisk.diagnostics()).isEmpty();
        assertThat(fromDisk.sources())
                .containsOnlyKeys("main.tf", "modules/net/main.tf", "modules/net/extra.tf", "../mods/shared/main.tf");

        LoadResult fromSnapshot = ModuleLoader.load(root, fromDisk.sources());

        assertThat(fromSnapshot.root()).isEqualTo(fromDisk.root());
        assertThat(fromSnapshot.root().children().get("net").resources()).hasSize(2);
        assertThat(fromSnapshot.sources()).isEqualTo(fromDisk.sources());
        assertThat(fromSnapshot.diagnostics()).isEmpty();
    }

    @Test
    void aModuleMissingFromASnapshotGetsTheSameDiagnosticAsAMissingDirectory() throws IOException {
        write("main.tf", "module \"gone\" {\n  source = \"./gone\"\n}\n");
        LoadResult fromDisk = ModuleLoader.load(dir);
        LoadResult fromSnapshot = ModuleLoader.load(dir, Map.of("main.tf", Files.readString(dir.resolve("main.tf"))));
        assertThat(errors(fromSnapshot))
                .containsExactly("main.tf:1:8: Unreadable module directory: The module "
                        + "directory gone does not exist or cannot be read.");
        assertThat(errors(fromSnapshot)).isEqualTo(errors(fromDisk));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(errors(ModuleLoader.load(empty, Map.of())))
                .isEqualTo(errors(ModuleLoader.load(empty)))
                .singleElement()
                .asString()
                .contains("No configuration files");
    }
}
