package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netform test}'s cleanup when the provider refuses a destroy: the file errors, and the addresses it
 * left in state are listed for the user to clean up, in the human output and as {@code test_cleanup}.
 */
class TestCleanupTest {

    @TempDir
    Path dir;

    @TempDir
    Path plugins;

    /** The remote end: one object store for every start of the provider. */
    private FakeCloud cloud;

    @BeforeEach
    void module() throws IOException {
        cloud = FakeCloud.install(dir, plugins, """
                resource "testing_object" "web" {
                  name = "web"
                }

                resource "testing_object" "db" {
                  name = "db"
                }
                """);
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/main.tftest.hcl"), "run \"create\" {}\n");
        cloud.objects().refuseDelete("obj-web");
    }

    @Test
    void aRefusedDestroyErrorsTheFileAndListsWhatItLeftBehind() {
        CliRun run = cloud.run("", "test", "-no-color");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                        tests/main.tftest.hcl... in progress
                          run "create"... pass
                        tests/main.tftest.hcl... tearing down
                        tests/main.tftest.hcl... error

                        Failure! 1 passed, 0 failed.
                        """);
        // the fake provider's own configuration warning comes first; the cleanup report is the rest
        String err = run.err();
        assertThat(err.substring(err.indexOf("Netform encountered"))).isEqualTo("""
                        Netform encountered an error destroying resources created while executing \
                        tests/main.tftest.hcl.

                        Error: Cannot delete obj-web
                            with testing_object.web

                        Netform left the following resources in state after executing tests/main.tftest.hcl, and \
                        they need to be cleaned up manually:
                          - testing_object.web
                        """);
        assertThat(cloud.objects().object("obj-web")).isNotNull();
        assertThat(cloud.objects().object("obj-db")).isNull();
    }

    @Test
    void jsonReportsTheLeftoversAsATestCleanupError() {
        CliRun run = cloud.run("", "test", "-json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("\"@level\":\"error\",\"@message\":\"Netform left some resources in state after executing "
                        + "tests/main.tftest.hcl, they need to be cleaned up manually.\"")
                .contains("\"type\":\"test_cleanup\",\"test_cleanup\":{\"failed_resources\":"
                        + "[{\"instance\":\"testing_object.web\"}]},\"@testfile\":\"tests/main.tftest.hcl\"")
                .contains("\"test_file\":{\"path\":\"tests/main.tftest.hcl\",\"progress\":\"complete\","
                        + "\"status\":\"error\"}")
                .contains("\"test_summary\":{\"status\":\"error\",\"passed\":1,\"failed\":0,\"errored\":0,"
                        + "\"skipped\":0}");
    }
}
