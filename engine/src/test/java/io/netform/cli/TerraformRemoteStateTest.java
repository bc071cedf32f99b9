package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data "terraform_remote_state"} through the CLI: a cluster stack reading the outputs of a platform
 * stack, another root module applied in its own directory.
 */
class TerraformRemoteStateTest {

    private static final String PLATFORM = """
            variable "tier0" {
              default = "/infra/tier-0s/t0"
            }
            resource "terraform_data" "platform" {
              input = { tier0 = var.tier0, blocks = ["10.16.0.0/12", "10.32.0.0/12"] }
            }
            output "tier0_path" {
              value = terraform_data.platform.output.tier0
            }
            output "ip_blocks" {
              value = terraform_data.platform.output.blocks
            }
            output "edge_cluster" {
              value = "edge-1"
            }
            output "nsx_password" {
              value     = "VMware1!"
              sensitive = true
            }
            """;

    @TempDir
    Path root;

    Path platform;
    Path cluster;

    @BeforeEach
    void applyThePlatformStack() throws Exception {
        platform = Files.createDirectories(root.resolve("platform"));
        cluster = Files.createDirectories(root.resolve("cluster"));
        Files.writeString(platform.resolve("main.tf"), PLATFORM);
        assertSucceeded(CliRun.run(platform, "apply", "-auto-approve"));
    }

    private static CliRun assertSucceeded(CliRun run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return run;
    }

    private CliRun cluster(String config, String... args) throws Exception {
        Files.writeString(cluster.resolve("main.tf"), config);
        return CliRun.run(cluster, Map.of(), args);
    }

    private static String reading(String arguments, String outputs) {
        return "data \"terraform_remote_state\" \"platform\" {\n  backend = \"local\"\n" + arguments + "\n}\n"
                + outputs;
    }

    @Test
    void aClusterStackReadsThePlatformStacksOutputs() throws Exception {
        String config = reading("  config = { path = \"../platform/terraform.tfstate\" }", """
                output "tier0" {
                  value = data.terraform_remote_state.platform.outputs.tier0_path
                }
                output "first_block" {
                  value = data.terraform_remote_state.platform.outputs.ip_blocks[0]
                }
                output "edge" {
                  value = data.terraform_remote_state.platform.outputs.edge_cluster
                }
                """);
        assertSucceeded(cluster(config, "apply", "-auto-approve"));
        assertThat(CliRun.run(cluster, "output", "-raw", "tier0").out()).isEqualTo("/infra/tier-0s/t0");
        assertThat(CliRun.run(cluster, "output", "-raw", "first_block").out()).isEqualTo("10.16.0.0/12");
        assertThat(CliRun.run(cluster, "output", "-raw", "edge").out()).isEqualTo("edge-1");
        assertThat(Files.readString(cluster.resolve("terraform.tfstate")))
                .contains("\"mode\": \"data\"")
                .contains("\"type\": \"terraform_remote_state\"")
                .contains("provider[\\\"terraform.io/builtin/terraform\\\"]");

        // the platform changes; the cluster's next plan reads the new value
        assertSucceeded(CliRun.run(platform, "apply", "-auto-approve", "-var", "tier0=/infra/tier-0s/t0-b"));
        assertThat(cluster(config, "plan", "-no-color").out())
                .contains("~ tier0       = \"/infra/tier-0s/t0\" -> \"/infra/tier-0s/t0-b\"");
    }

    @Test
    void aWorkspaceIsReadFromTheLocalBackendsWorkspaceDirectory() throws Exception {
        assertSucceeded(CliRun.run(platform, "workspace", "new", "prod"));
        assertSucceeded(CliRun.run(platform, "apply", "-auto-approve", "-var", "tier0=/infra/tier-0s/prod"));
        String outputs = "output \"tier0\" {\n  value = data.terraform_remote_state.platform.outputs.tier0_path\n}\n";

        // as in Terraform, path names the default workspace's file only: prod is looked for under
        // workspace_dir, by default terraform.tfstate.d of the working directory
        CliRun pathOnly = cluster(
                reading("  config = { path = \"../platform/terraform.tfstate\" }\n  workspace = \"prod\"", outputs),
                "plan",
                "-no-color");
        assertThat(pathOnly.err()).contains("Unable to find remote state");

        assertSucceeded(cluster(
                reading(
                        "  config = { workspace_dir = \"../platform/terraform.tfstate.d\" }\n  workspace = \"prod\"",
                        outputs),
                "apply",
                "-auto-approve"));
        assertThat(CliRun.run(cluster, "output", "-raw", "tier0").out()).isEqualTo("/infra/tier-0s/prod");
    }

    @Test
    void defaultsFillInOutputsTheStateLacks() throws Exception {
        String config = reading("""
                  config   = { path = "../platform/terraform.tfstate" }
                  defaults = { edge_cluster = "edge-default", mtu = 1500 }""", """
                output "edge" {
                  value = data.terraform_remote_state.platform.outputs.edge_cluster
                }
                output "mtu" {
                  value = data.terraform_remote_state.platform.outputs.mtu
                }
                """);
        assertSucceeded(cluster(config, "apply", "-auto-approve"));
        assertThat(CliRun.run(cluster, "output", "-raw", "edge").out()).isEqualTo("edge-1");
        assertThat(CliRun.run(cluster, "output", "-raw", "mtu").out()).isEqualTo("1500");
    }

    @Test
    void anOutputTheOtherStateMarksSensitiveComesInClearAsInTerraform() throws Exception {
        String leaking = reading("  config = { path = \"../platform/terraform.tfstate\" }", """
                output "password" {
                  value = data.terraform_remote_state.platform.outputs.nsx_password
                }
                """);
        CliRun plan = cluster(leaking, "plan", "-no-color");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        // hashicorp/terraform#29544: terraform_remote_state drops the sensitivity; sensitive() restores it.
        assertThat(plan.out()).contains("+ password = \"VMware1!\"");
        assertSucceeded(cluster(leaking, "apply", "-auto-approve", "-no-color"));
        assertThat(CliRun.run(cluster, "output", "-no-color").out()).isEqualTo("password = \"VMware1!\"\n");
    }

    @Test
    void aMissingStateIsAnError() throws Exception {
        CliRun plan = cluster(
                reading("  config = { path = \"../platform/terraform.tfstate\" }\n  workspace = \"staging\"", ""),
                "plan",
                "-no-color");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("Unable to find remote state")
                .contains("No stored state was found for the given workspace in the given backend.")
                .contains("data.terraform_remote_state.platform");
    }

    @Test
    void aBackendNetformCannotReadIsAnErrorAtTheBackendArgument() throws Exception {
        String config = "data \"terraform_remote_state\" \"platform\" {\n  backend = \"s3\"\n"
                + "  config = { bucket = \"states\" }\n}\n";
        CliRun validate = cluster(config, "validate", "-no-color");
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.err())
                .contains("Invalid backend configuration")
                .contains("There is no backend type named \"s3\" that Netform can read; terraform_remote_state"
                        + " reads the backend types local, pg.")
                .contains("main.tf:2:");
        assertThat(cluster(config, "plan", "-no-color").err()).contains("There is no backend type named \"s3\"");
    }

    @Test
    void anEncryptedStateIsAnErrorThatSaysSo() throws Exception {
        Files.writeString(platform.resolve("main.tf"), """
                terraform {
                  encryption {
                    key_provider "pbkdf2" "main" {
                      passphrase = "correct-horse-battery-staple"
                      iterations = 200000
                    }
                    method "aes_gcm" "main" {
                      keys = key_provider.pbkdf2.main
                    }
                    method "unencrypted" "migrate" {}
                    state {
                      method = method.aes_gcm.main
                      fallback {
                        method = method.unencrypted.migrate
                      }
                    }
                  }
                }
                """ + PLATFORM);
        assertSucceeded(CliRun.run(platform, "refresh"));
        assertThat(Files.readString(platform.resolve("terraform.tfstate"))).contains("encrypted_data");

        CliRun plan =
                cluster(reading("  config = { path = \"../platform/terraform.tfstate\" }", ""), "plan", "-no-color");

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("Error loading state error")
                .contains("terraform.tfstate: the state is encrypted (OpenTofu's state encryption)")
                .contains("remote_state_data_sources")
                .contains("main.tf:2:");
    }

    @Test
    void aLocalBackendSettingItDoesNotHaveIsAnError() throws Exception {
        CliRun plan = cluster(reading("  config = { bucket = \"states\" }", ""), "plan", "-no-color");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("Invalid backend configuration")
                .contains("The given configuration is not valid for backend \"local\": unsupported attribute"
                        + " \"bucket\".")
                .contains("main.tf:3:");
    }
}
