package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provider::nsxt::path_id and provider::nsxt::ip_in_ranges through the CLI run in-process and the nsxt provider,
 * which no resource uses, so it is started, never configured, for its functions alone: in validate,
 * plan and apply, in the root module and a child module that requires the provider, and Terraform's
 * errors when a call goes wrong.
 */
class ProviderFunctionsIT {

    private static final String REQUIRED = """
            terraform {
              required_providers {
                nsxt = { source = "netform/nsxt" }
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void providerFunctionsWorkInValidatePlanAndApply() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  required_providers {
                    nsxt    = { source = "netform/nsxt" }
                    testing = { source = "netform/testing" }
                  }
                }
                locals {
                  segment = "/infra/segments/web"
                }
                resource "testing_object" "segment" {
                  name = provider::nsxt::path_id(local.segment)
                }
                module "reach" {
                  source = "./reach"
                  address = "10.0.0.15"
                }
                output "id" {
                  value = testing_object.segment.name
                }
                output "inside" {
                  value = module.reach.inside
                }
                """);
        Files.createDirectories(dir.resolve("reach"));
        Files.writeString(dir.resolve("reach/main.tf"), REQUIRED + """
                variable "address" {
                  type = string
                }
                output "inside" {
                  value = provider::nsxt::ip_in_ranges(var.address, ["10.0.0.10-10.0.0.20", "192.168.0.0/16"])
                }
                """);
        Workspace w = Workspace.inProcess(dir);
        w.ok("init");

        assertThat(w.ok("validate", "-no-color").out()).contains("Success! The configuration is valid.");
        assertThat(w.ok("plan", "-no-color").out()).containsPattern("\\+ name += \"web\"");
        var applied = w.ok("apply", "-auto-approve", "-no-color");

        assertThat(applied.out()).contains("id = \"web\"").contains("inside = true");
    }

    @Test
    void aBadArgumentAndAnUndeclaredProviderAreTerraformsErrors() throws Exception {
        Files.writeString(dir.resolve("main.tf"), REQUIRED + """
                output "id" {
                  value = provider::nsxt::path_id("segments/web")
                }
                output "other" {
                  value = provider::kubernetes::manifest_decode("x")
                }
                """);
        Workspace w = Workspace.inProcess(dir);
        w.ok("init");

        var plan = w.run("plan", "-no-color");

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("main.tf:7:35: Invalid function argument")
                .contains("Invalid value for \"path\" parameter: \"segments/web\" is not a policy path: a policy"
                        + " path starts with \"/\", such as \"/infra/segments/web\".")
                .contains("main.tf:10:11: Unknown provider function")
                .contains("There is no function named \"provider::kubernetes::manifest_decode\". Ensure that provider"
                        + " name \"kubernetes\" is declared in this module's required_providers block");
    }
}
