package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module's own provider block is a configuration of its own, as in Terraform: state records the objects made
 * through it under {@code module.NAME.provider[...]}, and once the module and its block are gone, its objects are
 * not refreshed or destroyed through the root's configuration of the same provider (another endpoint, another
 * NSX Manager) but are Terraform's "Provider configuration not present".
 */
class ModuleProviderTest {

    private static final String EDGE_MODULE = """
            terraform {
              required_providers {
                testing = { source = "netform/testing" }
              }
            }

            provider "testing" {
              endpoint = "edge"
              token    = "e"
            }

            resource "testing_object" "gw" {
              name = "gw"
              size = 1
            }
            """;

    @TempDir
    Path dir;

    @TempDir
    Path plugins;

    private FakeCloud cloud;

    @BeforeEach
    void appliedAnObjectThroughTheModulesOwnConfiguration() throws IOException {
        cloud = FakeCloud.install(dir, plugins, """
                module "edge" {
                  source = "./edge"
                }

                resource "testing_object" "web" {
                  name = "web"
                  size = 1
                }
                """);
        Files.createDirectories(dir.resolve("edge"));
        Files.writeString(dir.resolve("edge/main.tf"), EDGE_MODULE);
        CliRun init = cloud.command("init", "-plugin-dir=" + plugins);
        assertThat(init.exitCode()).as(init.err()).isZero();
        CliRun apply = cloud.command("apply", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
    }

    @Test
    void stateRecordsTheModulesConfigurationForItsObjectsAndTheRootsForTheOthers() throws IOException {
        String state = cloud.state();
        assertThat(state)
                .contains("\"module\": \"module.edge\"")
                .contains("\"provider\": \"module.edge.provider[\\\"registry.terraform.io/netform/testing\\\"]\"")
                .contains("\"provider\": \"provider[\\\"registry.terraform.io/netform/testing\\\"]\"");

        CliRun plan = cloud.command("plan", "-detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
    }

    @Test
    void objectsOfARemovedModuleWithItsOwnProviderBlockAreAnErrorAndNothingIsDestroyed() throws IOException {
        Files.writeString(dir.resolve("main.tf"), FakeCloud.PROVIDER + """
                resource "testing_object" "web" {
                  name = "web"
                  size = 1
                }
                """);

        cloud.assertConfigurationNotPresent(
                "To work with module.edge.testing_object.gw (orphan) its original provider configuration at "
                        + "module.edge.provider[\"registry.terraform.io/netform/testing\"] is required",
                "obj-gw");
    }

    @Test
    void objectsOfAModuleWhoseResourceIsGoneAreDestroyedThroughTheModulesConfiguration() throws IOException {
        Files.writeString(dir.resolve("edge/main.tf"), EDGE_MODULE.substring(0, EDGE_MODULE.indexOf("resource")));

        CliRun apply = cloud.command("apply", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Apply complete! Resources: 0 added, 0 changed, 1 destroyed.");
        assertThat(cloud.objects().object("obj-gw")).isNull();
        assertThat(cloud.objects().object("obj-web")).isNotNull();
        assertThat(cloud.state()).doesNotContain("testing_object.gw").doesNotContain("module.edge");
    }
}
