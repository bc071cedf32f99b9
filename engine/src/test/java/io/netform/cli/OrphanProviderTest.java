package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects in state whose resource is gone are refreshed and destroyed through the provider configuration state
 * recorded for them, as in Terraform: never through another configuration of the same provider, and an aliased
 * configuration that is gone too is an error rather than a guess.
 */
class OrphanProviderTest {

    private static final String WEST = """
            provider "testing" {
              alias    = "west"
              endpoint = "west"
              token    = "w"
            }

            """;

    @TempDir
    Path dir;

    @TempDir
    Path plugins;

    private FakeCloud cloud;

    @BeforeEach
    void appliedAnObjectThroughTheAliasedConfiguration() throws IOException {
        cloud = FakeCloud.install(dir, plugins, WEST + """
                resource "testing_object" "web" {
                  provider = testing.west
                  name     = "web"
                  size     = 1
                }
                """);
        CliRun apply = cloud.command("apply", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(cloud.state()).contains("provider[\\\"registry.terraform.io/netform/testing\\\"].west");
    }

    @Test
    void anOrphanWhoseAliasedConfigurationIsGoneIsAnErrorAndNothingIsDestroyed() throws IOException {
        // the resource and its configuration removed; the default configuration of the same provider stays
        Files.writeString(dir.resolve("main.tf"), FakeCloud.PROVIDER);

        cloud.assertConfigurationNotPresent(
                "To work with testing_object.web (orphan) its original provider configuration at "
                        + "provider[\"registry.terraform.io/netform/testing\"].west is required",
                "obj-web");
    }

    @Test
    void anOrphanIsDestroyedThroughItsAliasedConfigurationWhileThatBlockRemains() throws IOException {
        Files.writeString(dir.resolve("main.tf"), FakeCloud.PROVIDER + WEST);

        CliRun apply = cloud.command("apply", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Apply complete! Resources: 0 added, 0 changed, 1 destroyed.");
        assertThat(cloud.objects().object("obj-web")).isNull();
        assertThat(cloud.state()).doesNotContain("testing_object");
    }
}
