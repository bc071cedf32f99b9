package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted apply (Ctrl-C, or SIGTERM from a CI runner): no new work starts, the work in progress
 * finishes, and the state keeps all of it. The test sends SIGTERM, which the JVM always handles; a
 * process started in the background may have SIGINT ignored, and both signals take the same path. The
 * interrupted apply is the real program with its plugin; the commands around it run in-process.
 */
class InterruptIT {

    @TempDir
    Path dir;

    @Test
    void anInterruptedApplyStopsGracefullyAndKeepsEveryCreatedObjectInState() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                provider "testing" {
                  latency_ms = 100
                }
                resource "testing_object" "many" {
                  count = 100
                  name  = "obj-${count.index}"
                }
                """);
        w.ok("init");
        Path journal = dir.resolve("terraform.tfstate.journal");
        Path errors = dir.resolve("apply.err");
        ProcessBuilder pb = new ProcessBuilder(
                        NetformProcess.home().resolve("bin/netform").toString(), "apply", "-auto-approve", "-no-color")
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile());
        pb.environment().put("NETFORM_TESTING_STORE", w.store.toString());
        Process apply = pb.start();
        JournalProgress.await(journal, 10, apply, Duration.ofMinutes(2));
        assertThat(apply.isAlive())
                .as("the apply was still running when interrupted")
                .isTrue();

        apply.destroy();
        assertThat(apply.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(apply.exitValue()).isNotZero();
        String stderr = Files.readString(errors, StandardCharsets.UTF_8);
        assertThat(stderr).contains("Interrupt received").contains("Operation interrupted");
        assertThat(journal).doesNotExist();
        List<String> names = w.names();
        assertThat(names.size()).isBetween(10, 99);
        assertThat(w.state().path("resources").get(0).path("instances")).hasSize(names.size());

        var resumed = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(resumed.err()).doesNotContain("Recovered");
        assertThat(new HashSet<>(w.names())).hasSize(100);
        assertThat(w.run("plan", "-detailed-exitcode", "-out=tfplan").exitCode())
                .isZero();
        assertThat(PlanJsonContract.show(w, "tfplan")
                        .path("planned_values")
                        .path("root_module")
                        .path("resources"))
                .hasSize(100);
    }
}
