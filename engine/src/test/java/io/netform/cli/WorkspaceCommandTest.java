package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netform workspace ...} and what the current workspace changes for other commands. */
class WorkspaceCommandTest {

    private static final String TRACKING_STATE = """
            {"version": 4, "terraform_version": "1.9.0", "serial": 1,
             "lineage": "5b1c7b4e-0000-4000-8000-000000000002", "outputs": {},
             "resources": [{"mode": "managed", "type": "testing_object", "name": "web",
               "provider": "provider[\\"registry.terraform.io/netform/testing\\"]",
               "instances": [{"schema_version": 0, "attributes": {"id": "obj-0"}}]}]}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeConfiguration() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "output \"where\" {\n  value = terraform.workspace\n}\n");
    }

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    @Test
    void newSelectsTheWorkspaceAndListMarksTheCurrentOne() throws Exception {
        assertThat(run("workspace", "show").out()).isEqualTo("default\n");
        CliRun created = run("workspace", "new", "dev");
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("Created and switched to workspace \"dev\"!");
        assertThat(dir.resolve("terraform.tfstate.d/dev")).isDirectory();
        assertThat(Files.readString(dir.resolve(".netform/environment"))).isEqualTo("dev");
        assertThat(run("workspace", "show").out()).isEqualTo("dev\n");
        assertThat(run("workspace", "list").out()).isEqualTo("  default\n* dev\n\n");

        assertThat(run("workspace", "new", "dev").err()).contains("Workspace \"dev\" already exists");
        assertThat(run("workspace", "select", "default").out()).contains("Switched to workspace \"default\".");
        assertThat(run("workspace", "list").out()).isEqualTo("* default\n  dev\n\n");
        assertThat(run("workspace", "select", "staging").err()).contains("Workspace \"staging\" doesn't exist");
        assertThat(run("workspace", "select", "-or-create", "staging").exitCode())
                .isZero();
        assertThat(run("workspace", "show").out()).isEqualTo("staging\n");
    }

    @Test
    void eachWorkspaceKeepsItsOwnStateAndSeesItsNameInExpressions() throws Exception {
        run("workspace", "new", "dev");
        CliRun apply = run("apply", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(dir.resolve("terraform.tfstate.d/dev/terraform.tfstate")).exists();
        assertThat(dir.resolve("terraform.tfstate")).doesNotExist();
        assertThat(run("output", "-raw", "where").out()).isEqualTo("dev");

        run("workspace", "select", "default");
        assertThat(run("output").err()).contains("No outputs found");
        assertThat(CliRun.run(dir, Map.of("TF_WORKSPACE", "dev"), "output", "-raw", "where")
                        .out())
                .isEqualTo("dev");
    }

    @Test
    void defaultTheCurrentAndMissingWorkspacesCannotBeDeleted() {
        run("workspace", "new", "dev");
        assertThat(run("workspace", "delete", "default").err()).contains("Cannot delete the default workspace");
        CliRun current = run("workspace", "delete", "dev");
        assertThat(current.exitCode()).isEqualTo(1);
        assertThat(current.err()).contains("Workspace \"dev\" is your active workspace");
        assertThat(run("workspace", "delete", "nope").err()).contains("Workspace \"nope\" doesn't exist");
        run("workspace", "select", "default");
        assertThat(run("workspace", "delete", "dev").out()).contains("Deleted workspace \"dev\"!");
        assertThat(dir.resolve("terraform.tfstate.d/dev")).doesNotExist();
        assertThat(run("workspace", "list").out()).isEqualTo("* default\n\n");
    }

    @Test
    void deletingAWorkspaceThatStillTracksObjectsNeedsForce() throws Exception {
        run("workspace", "new", "dev");
        Files.writeString(dir.resolve("terraform.tfstate.d/dev/terraform.tfstate"), TRACKING_STATE);
        run("workspace", "select", "default");
        CliRun refused = run("workspace", "delete", "dev");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("Workspace is not empty")
                .contains("testing_object.web")
                .contains("-force");
        assertThat(dir.resolve("terraform.tfstate.d/dev/terraform.tfstate")).exists();
        assertThat(run("workspace", "delete", "-force", "dev").exitCode()).isZero();
        assertThat(dir.resolve("terraform.tfstate.d/dev")).doesNotExist();
    }

    @Test
    void theEnvironmentOverridesTheSelectionAndForbidsSelecting() {
        run("workspace", "new", "dev");
        Map<String, String> env = Map.of("TF_WORKSPACE", "prod", "NETFORM_WORKSPACE", "qa");
        assertThat(CliRun.run(dir, env, "workspace", "show").out()).isEqualTo("qa\n");
        assertThat(CliRun.run(dir, Map.of("TF_WORKSPACE", "prod"), "workspace", "show")
                        .out())
                .isEqualTo("prod\n");
        CliRun select = CliRun.run(dir, Map.of("TF_WORKSPACE", "prod"), "workspace", "select", "default");
        assertThat(select.exitCode()).isEqualTo(1);
        assertThat(select.err()).contains("TF_WORKSPACE");
        assertThat(CliRun.run(dir, Map.of("TF_WORKSPACE", "prod"), "workspace", "new", "prod")
                        .exitCode())
                .isZero();
        assertThat(run("workspace", "show").out()).isEqualTo("dev\n");
    }

    @Test
    void aNameMustBeUrlSafe() {
        CliRun run = run("workspace", "new", "a/b");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Invalid workspace name");
    }

    @Test
    void everySubcommandHasHelp() {
        CliRun help = run("workspace", "delete", "-help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Usage: netform workspace delete")
                .contains("-force")
                .contains("NAME");
        assertThat(run("workspace", "-help").out())
                .contains("list")
                .contains("select")
                .contains("new");
    }
}
