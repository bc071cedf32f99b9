package io.netform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.addrs.ProviderSource;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.hcl.Diagnostic;
import io.netform.wire.ProviderSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code configuration} part of the plan JSON, from configurations as a plan file keeps them. */
class PlanConfigurationJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode encode(Map<String, String> files, Map<ProviderSource, ProviderSchema> schemas) {
        LoadResult loaded = ModuleLoader.load(Path.of("."), files);
        assertThat(loaded.diagnostics()).isEmpty();
        List<Diagnostic> problems = new ArrayList<>();
        ConfigGraph graph = ConfigGraphBuilder.build(loaded.root()).into(problems);
        assertThat(problems).isEmpty();
        return normalized(PlanConfigurationJson.encode(graph, schemas));
    }

    /** The document as a reader parses it (numbers as the JSON text has them). */
    private static JsonNode normalized(JsonNode node) {
        try {
            return JSON.readTree(node.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode encode(String main) {
        return encode(Map.of("main.tf", main, "net/main.tf", NET), Map.of());
    }

    /** A module with one output, for references to module outputs. */
    private static final String NET = "output \"id\" {\n  value = 1\n}\n";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode expressionsOf(JsonNode config, String address) {
        for (JsonNode r : config.path("root_module").path("resources")) {
            if (r.path("address").asText().equals(address)) {
                return r.path("expressions");
            }
        }
        throw new AssertionError("no resource " + address + " in " + config);
    }

    @Test
    void constantsAreGivenAsValuesAndAnythingElseAsItsReferences() throws Exception {
        JsonNode config = encode("""
                variable "zone" {}
                variable "idx" {}
                variable "list" {}
                locals {
                  zone = "a"
                }
                data "t_d" "d" {}
                module "net" {
                  source = "./net"
                }
                resource "t_x" "n" {
                  count = 2
                }
                resource "t_x" "a" {
                  name    = "web"
                  size    = 2 * 3
                  tags    = { env = "dev", "tier" = [1, true, null] }
                  text    = "n-${1 + 1}"
                  names   = [for n in ["a", "b"] : upper(n)]
                  stamp   = timestamp()
                  nothing = null
                }
                resource "t_x" "b" {
                  by_attr   = t_x.a.id
                  by_key    = t_x.n[0].tags["env"]
                  by_splat  = t_x.n[*].id
                  by_var    = "${var.zone}-${local.zone}"
                  both      = var.zone == "" ? data.t_d.d.id : t_x.a.id
                  dynamic   = t_x.n[var.idx].id
                  for_bound = [for v in var.list : v.id]
                  module    = module.net.id
                  path      = path.module
                  workspace = terraform.workspace
                }
                """);
        assertThat(expressionsOf(config, "t_x.a")).isEqualTo(json("""
                {"name": {"constant_value": "web"}, "size": {"constant_value": 6},
                 "tags": {"constant_value": {"env": "dev", "tier": [1, true, null]}},
                 "text": {"constant_value": "n-2"},
                 "names": {}, "stamp": {}, "nothing": {"constant_value": null}}
                """));
        assertThat(expressionsOf(config, "t_x.b")).isEqualTo(json("""
                {"by_attr": {"references": ["t_x.a.id", "t_x.a"]},
                 "by_key": {"references": ["t_x.n[0].tags[\\"env\\"]", "t_x.n[0].tags", "t_x.n[0]", "t_x.n"]},
                 "by_splat": {"references": ["t_x.n"]},
                 "by_var": {"references": ["var.zone", "local.zone"]},
                 "both": {"references": ["var.zone", "data.t_d.d.id", "data.t_d.d", "t_x.a.id", "t_x.a"]},
                 "dynamic": {"references": ["t_x.n", "var.idx"]},
                 "for_bound": {"references": ["var.list"]},
                 "module": {"references": ["module.net.id", "module.net"]},
                 "path": {"references": ["path.module"]},
                 "workspace": {"references": ["terraform.workspace"]}}
                """));
    }

    @Test
    void moduleInstancesCountAndEachAreReferencedTheWayTerraformListsThem() throws Exception {
        JsonNode config = encode("""
                variable "names" {}
                module "keyed" {
                  source   = "./net"
                  for_each = toset(["a"])
                }
                module "counted" {
                  source = "./net"
                  count  = 1
                }
                resource "t_x" "c" {
                  count = length(var.names)
                  name  = "${var.names[count.index]}-${count.index}"
                  out   = module.keyed["a"].id
                  whole = module.counted[0]
                  all   = module.keyed
                }
                resource "t_x" "e" {
                  for_each = toset(["a", "b"])
                  name     = each.key
                  value    = each.value.size
                }
                resource "t_x" "f" {
                  count = 3
                }
                """);
        JsonNode c = config.path("root_module").path("resources").get(0);
        assertThat(c.path("count_expression")).isEqualTo(json("{\"references\": [\"var.names\"]}"));
        assertThat(c.has("for_each_expression")).isFalse();
        assertThat(c.path("expressions")).isEqualTo(json("""
                {"name": {"references": ["var.names", "count.index", "count.index"]},
                 "out": {"references": ["module.keyed[\\"a\\"].id", "module.keyed[\\"a\\"]"]},
                 "whole": {"references": ["module.counted[0]", "module.counted"]},
                 "all": {"references": ["module.keyed"]}}
                """));
        JsonNode e = config.path("root_module").path("resources").get(1);
        assertThat(e.has("count_expression")).isFalse();
        assertThat(e.has("for_each_expression"))
                .as("a function call is neither a constant nor a reference")
                .isFalse();
        assertThat(e.path("expressions")).isEqualTo(json("""
                {"name": {"references": ["each.key"]}, "value": {"references": ["each.value.size", "each.value"]}}
                """));
        JsonNode f = config.path("root_module").path("resources").get(2);
        assertThat(f.path("count_expression")).isEqualTo(json("{\"constant_value\": 3}"));
        assertThat(f.has("expressions")).as("an empty body has no expressions").isFalse();
    }

    @Test
    void nestedBlocksTakeTheShapeTheSchemaGivesThemOrAreListsWithoutOne() throws Exception {
        String main = """
                variable "cidr" {}
                variable "more" {}
                resource "nsxt_policy_segment" "s" {
                  display_name = "s"
                  undeclared   = "left out with a schema"
                  subnet {
                    cidr = var.cidr
                  }
                  subnet {
                    cidr = "10.0.2.1/24"
                  }
                  advanced_config {
                    local_egress = true
                  }
                  dynamic "subnet" {
                    for_each = var.more
                    content {
                      cidr = subnet.value
                    }
                  }
                }
                """;
        JsonNode withSchema =
                encode(Map.of("main.tf", main), Map.of(ProviderSource.parse("hashicorp/nsxt"), PlanFixtures.SCHEMA));
        JsonNode segment = withSchema.path("root_module").path("resources").get(0);
        assertThat(segment.path("schema_version").asLong()).isEqualTo(2);
        assertThat(segment.path("expressions")).isEqualTo(json("""
                {"display_name": {"constant_value": "s"},
                 "subnet": [{"cidr": {"references": ["var.cidr"]}}, {"cidr": {"constant_value": "10.0.2.1/24"}}],
                 "advanced_config": {"local_egress": {"constant_value": true}}}
                """));

        JsonNode without = encode(Map.of("main.tf", main), Map.of())
                .path("root_module")
                .path("resources")
                .get(0);
        assertThat(without.path("schema_version").asLong()).isZero();
        assertThat(without.path("expressions")).isEqualTo(json("""
                {"display_name": {"constant_value": "s"},
                 "undeclared": {"constant_value": "left out with a schema"},
                 "subnet": [{"cidr": {"references": ["var.cidr"]}}, {"cidr": {"constant_value": "10.0.2.1/24"}}],
                 "advanced_config": [{"local_egress": {"constant_value": true}}]}
                """));
    }

    @Test
    void nestedBlocksWrittenInJsonTakeTheSameShape() throws Exception {
        String main = """
                {"variable": {"cidr": {}},
                 "resource": {"nsxt_policy_segment": {"s": {
                   "display_name": "s",
                   "subnet": [{"cidr": "${var.cidr}"}, {"cidr": "10.0.2.1/24"}],
                   "advanced_config": {"local_egress": true}
                 }}}}
                """;
        JsonNode segment = encode(
                        Map.of("main.tf.json", main),
                        Map.of(ProviderSource.parse("hashicorp/nsxt"), PlanFixtures.SCHEMA))
                .path("root_module")
                .path("resources")
                .get(0);
        assertThat(segment.path("expressions")).isEqualTo(json("""
                {"display_name": {"constant_value": "s"},
                 "subnet": [{"cidr": {"references": ["var.cidr"]}}, {"cidr": {"constant_value": "10.0.2.1/24"}}],
                 "advanced_config": {"local_egress": {"constant_value": true}}}
                """));
    }

    @Test
    void modulesOutputsAndVariablesAreDescribedWithTheirExpressions() throws Exception {
        JsonNode config = encode(Map.of("main.tf", """
                variable "zones" {
                  type        = list(string)
                  default     = ["a", "b"]
                  description = "Availability zones"
                }
                variable "token" {
                  sensitive = true
                }
                resource "t_x" "base" {
                  name = "base"
                }
                module "net" {
                  source     = "./modules/net"
                  for_each   = toset(var.zones)
                  zone       = each.key
                  base       = t_x.base.id
                  depends_on = [t_x.base]
                }
                output "ids" {
                  value       = { for k, m in module.net : k => m.id }
                  description = "Segment IDs"
                  sensitive   = true
                  depends_on  = [module.net, t_x.base]
                }
                """, "modules/net/main.tf", """
                variable "zone" {}
                variable "base" {
                  default = null
                }
                resource "t_x" "seg" {
                  name = "${var.zone}-${path.module}"
                }
                output "id" {
                  value = t_x.seg.id
                }
                """), Map.of());
        JsonNode root = config.path("root_module");
        assertThat(root.path("variables")).isEqualTo(json("""
                {"token": {"sensitive": true},
                 "zones": {"default": ["a", "b"], "description": "Availability zones"}}
                """));
        assertThat(root.path("outputs")).isEqualTo(json("""
                {"ids": {"sensitive": true, "expression": {"references": ["module.net"]},
                         "depends_on": ["module.net", "t_x.base"], "description": "Segment IDs"}}
                """));
        assertThat(root.path("module_calls")).isEqualTo(json("""
                {"net": {
                  "source": "./modules/net",
                  "expressions": {"zone": {"references": ["each.key"]},
                                  "base": {"references": ["t_x.base.id", "t_x.base"]}},
                  "for_each_expression": {"references": ["var.zones"]},
                  "module": {
                    "outputs": {"id": {"expression": {"references": ["t_x.seg.id", "t_x.seg"]}}},
                    "resources": [{"address": "t_x.seg", "mode": "managed", "type": "t_x", "name": "seg",
                                   "provider_config_key": "t",
                                   "expressions": {"name": {"references": ["var.zone", "path.module"]}},
                                   "schema_version": 0}],
                    "variables": {"base": {"default": null}, "zone": {}}
                  },
                  "depends_on": ["t_x.base"]}}
                """));
    }

    @Test
    void everyResourcePointsAtTheProviderConfigurationItReallyUses() throws Exception {
        JsonNode config = encode(Map.of("main.tf", """
                terraform {
                  required_providers {
                    nsxt = { source = "vmware/nsxt", version = "~> 3.4" }
                  }
                }
                variable "host" {}
                provider "nsxt" {
                  host = var.host
                }
                provider "nsxt" {
                  alias = "west"
                  host  = "nsx-west"
                }
                resource "nsxt_policy_segment" "east" {
                  display_name = "east"
                }
                resource "nsxt_policy_segment" "west" {
                  provider     = nsxt.west
                  display_name = "west"
                }
                resource "t_x" "implied" {
                }
                module "passed" {
                  source    = "./m"
                  providers = { nsxt = nsxt.west }
                }
                module "inherited" {
                  source = "./m"
                }
                module "own" {
                  source = "./own"
                }
                """, "m/main.tf", """
                terraform {
                  required_providers {
                    nsxt = { source = "vmware/nsxt" }
                  }
                }
                resource "nsxt_policy_segment" "s" {
                }
                """, "own/main.tf", """
                terraform {
                  required_providers {
                    k8s = { source = "netform/kubernetes", version = ">= 0.1" }
                  }
                }
                provider "k8s" {
                  alias = "cluster"
                }
                resource "k8s_namespace" "n" {
                  provider = k8s.cluster
                }
                """), Map.of());
        assertThat(config.path("provider_config")).isEqualTo(json("""
                {"nsxt": {"name": "nsxt", "full_name": "registry.terraform.io/vmware/nsxt",
                          "version_constraint": "~> 3.4", "expressions": {"host": {"references": ["var.host"]}}},
                 "nsxt.west": {"name": "nsxt", "full_name": "registry.terraform.io/vmware/nsxt", "alias": "west",
                               "version_constraint": "~> 3.4",
                               "expressions": {"host": {"constant_value": "nsx-west"}}},
                 "t": {"name": "t", "full_name": "registry.terraform.io/hashicorp/t"},
                 "module.own:k8s": {"name": "k8s", "full_name": "registry.terraform.io/netform/kubernetes",
                                    "version_constraint": ">= 0.1", "module_address": "module.own"},
                 "module.own:k8s.cluster": {"name": "k8s", "full_name": "registry.terraform.io/netform/kubernetes",
                                            "alias": "cluster", "version_constraint": ">= 0.1",
                                            "module_address": "module.own"}}
                """));
        JsonNode root = config.path("root_module");
        assertThat(root.path("resources"))
                .extracting(r -> r.path("address").asText() + " "
                        + r.path("provider_config_key").asText())
                .containsExactly(
                        "nsxt_policy_segment.east nsxt", "nsxt_policy_segment.west nsxt.west", "t_x.implied t");
        assertThat(root.path("module_calls")
                        .path("passed")
                        .path("module")
                        .path("resources")
                        .get(0)
                        .path("provider_config_key")
                        .asText())
                .isEqualTo("nsxt.west");
        assertThat(root.path("module_calls")
                        .path("inherited")
                        .path("module")
                        .path("resources")
                        .get(0)
                        .path("provider_config_key")
                        .asText())
                .isEqualTo("nsxt");
        assertThat(root.path("module_calls")
                        .path("own")
                        .path("module")
                        .path("resources")
                        .get(0)
                        .path("provider_config_key")
                        .asText())
                .isEqualTo("module.own:k8s.cluster");
    }
}
