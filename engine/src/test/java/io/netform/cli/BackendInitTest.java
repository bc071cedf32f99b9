package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend block, init's backend flags and the record of the chosen backend, with the local backend. */
class BackendInitTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    private void config(String backend) throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                %s
                }

                output "where" {
                  value = terraform.workspace
                }
                """.formatted(backend));
    }

    @Test
    void anUnsupportedBackendTypeIsAnErrorAtItsBlockInInitAndEveryCommand() throws Exception {
        config("""
                  backend "s3" {
                    bucket = "state"
                  }""");
        for (String[] command : new String[][] {
            {"init", "-no-color"}, {"plan", "-no-color"}, {"validate", "-no-color"}, {"workspace", "list"}
        }) {
            CliRun r = run(command);
            assertThat(r.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(r.err())
                    .as(String.join(" ", command))
                    .contains("Unsupported backend type")
                    .contains("main.tf:2:1: Unsupported backend type")
                    .contains("There is no backend type named \"s3\"")
                    .contains("\"local\" and \"pg\"");
        }
        assertThat(dir.resolve("terraform.tfstate")).doesNotExist();
    }

    @Test
    void aSettingTheBackendDoesNotTakeIsAnErrorAtTheSetting() throws Exception {
        config("""
                  backend "local" {
                    bucket = "state"
                  }""");
        CliRun r = run("init", "-no-color");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .contains("Unsupported argument")
                .contains("main.tf:3:3")
                .contains("\"bucket\"");
    }

    @Test
    void initRecordsTheBackendAndAChangedBlockNeedsInitAgain() throws Exception {
        config("""
                  backend "local" {
                    path = "one.tfstate"
                  }""");
        CliRun before = run("apply", "-auto-approve", "-no-color");
        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.err())
                .contains("Backend initialization required, please run \"netform init\"")
                .contains("Initial configuration of the requested backend \"local\"");

        CliRun init = run("init", "-no-color");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("Successfully configured the backend \"local\"");
        assertThat(Files.readString(dir.resolve(".netform/terraform.tfstate")))
                .contains("\"type\" : \"local\"")
                .contains("\"path\" : \"one.tfstate\"")
                .contains("\"hash\"");
        assertThat(run("apply", "-auto-approve").exitCode()).isZero();
        assertThat(dir.resolve("one.tfstate")).exists();

        config("""
                  backend "local" {
                    path = "two.tfstate"
                  }""");
        CliRun changed = run("plan", "-no-color");
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.err())
                .contains("Backend initialization required")
                .contains("Backend configuration block has changed")
                .contains("-reconfigure")
                .contains("-migrate-state");
        CliRun plainInit = run("init", "-no-color");
        assertThat(plainInit.exitCode()).isEqualTo(1);
        assertThat(plainInit.err()).contains("Backend configuration changed");

        assertThat(run("init", "-migrate-state", "-force-copy").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("two.tfstate"))).contains("\"where\"");
        assertThat(run("plan", "-detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void backendErrorsAreJsonWhereTheCommandHasAJsonStreamAndTextElse() throws Exception {
        config("""
                  backend "local" {
                    path = "one.tfstate"
                  }""");
        // plan, apply and refresh stream -json; output -json and show -json print their diagnostics as
        // text on standard error (Terraform's OutputJSON and ShowJSON views do), state and workspace have no -json.
        for (String command : new String[] {"plan", "apply", "refresh"}) {
            CliRun r = command.equals("apply") ? run(command, "-json", "-auto-approve") : run(command, "-json");
            assertThat(r.exitCode()).as(command).isEqualTo(1);
            assertThat(r.out().lines())
                    .as(command)
                    .allMatch(line -> line.startsWith("{"))
                    .anyMatch(line -> line.contains("\"type\":\"diagnostic\"")
                            && line.contains("Backend initialization required"));
            assertThat(r.err()).as(command).isEmpty();
        }
        for (String[] command : new String[][] {{"output", "-json"}, {"show", "-json"}, {"state", "list"}}) {
            CliRun r = run(command);
            assertThat(r.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(r.out()).as(String.join(" ", command)).isEmpty();
            assertThat(r.err())
                    .as(String.join(" ", command))
                    .contains("Backend initialization required")
                    .doesNotContain("{\"");
        }
    }

    @Test
    void reconfigureUsesTheNewBackendWithoutCopyingState() throws Exception {
        config("""
                  backend "local" {
                    path = "one.tfstate"
                  }""");
        run("init");
        run("apply", "-auto-approve");
        config("""
                  backend "local" {
                    path = "two.tfstate"
                  }""");
        assertThat(run("init", "-reconfigure").exitCode()).isZero();
        assertThat(dir.resolve("two.tfstate")).doesNotExist();
        assertThat(run("plan", "-detailed-exitcode").exitCode()).isEqualTo(2);
    }

    @Test
    void backendConfigFilesAndPairsMergeOverTheBlockInOrder() throws Exception {
        config("""
                  backend "local" {
                    path = "block.tfstate"
                  }""");
        Files.writeString(dir.resolve("backend.hcl"), "path = \"file.tfstate\"\nworkspace_dir = \"from-file\"\n");
        CliRun init = run("init", "-backend-config=backend.hcl", "-backend-config=workspace_dir=envs");
        assertThat(init.exitCode()).as(init.err()).isZero();
        run("apply", "-auto-approve");
        assertThat(dir.resolve("file.tfstate")).exists();
        run("workspace", "new", "dev");
        run("apply", "-auto-approve");
        assertThat(dir.resolve("envs/dev/terraform.tfstate")).exists();

        // Unchanged block, no -backend-config: the merged settings recorded by the first init stay in use.
        assertThat(run("init").exitCode()).isZero();
        assertThat(run("workspace", "list").out()).contains("* dev");
    }

    @Test
    void backendConfigWithoutABackendBlockIsAnError() throws Exception {
        config("");
        CliRun r = run("init", "-no-color", "-backend-config=path=x.tfstate");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("Missing backend configuration");
    }

    @Test
    void theStateFlagIsRejectedWithABackendOtherThanLocal() throws Exception {
        config("""
                  backend "pg" {
                    conn_str = "postgres://nowhere.invalid/db"
                  }""");
        Files.createDirectories(dir.resolve(".netform"));
        // A record as init writes it, so that no database is needed to reach the -state check.
        Files.writeString(dir.resolve(".netform/terraform.tfstate"), """
                {"version": 3, "serial": 1, "lineage": "x", "backend": {"type": "pg",
                 "config": {"conn_str": "postgres://nowhere.invalid/db"}, "hash": %d}}
                """.formatted(
                        io.netform.core.BackendRecord.hash(new io.netform.config.BackendBlock(
                                "pg", Map.of("conn_str", "postgres://nowhere.invalid/db"), null, Map.of()))));
        CliRun r = run("state", "list", "-state=other.tfstate");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("Invalid -state option").contains("pg backend");
    }
}
