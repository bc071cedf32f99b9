package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.state.LockInfo;
import io.netform.state.StateLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is lost: failures, crashes and concurrent commands leave state that converges. */
class SafetyIT {

    @TempDir
    Path dir;

    @Test
    void aFailedCreateLetsIndependentWorkFinishSkipsItsDependentsAndTheNextApplyCompletes() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "fail" {
                  default = true
                }
                resource "testing_object" "ok" {
                  count = 3
                  name  = "ok-${count.index}"
                }
                resource "testing_object" "flaky" {
                  name           = "flaky"
                  fail_on_create = var.fail
                }
                resource "testing_object" "dependent" {
                  name  = "dependent"
                  value = testing_object.flaky.id
                }
                """);
        w.ok("init");
        var failed = w.run("apply", "-auto-approve", "-no-color");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("was asked to fail").contains("with testing_object.flaky");
        assertThat(w.names()).containsExactly("ok-0", "ok-1", "ok-2");
        List<String> inState = new ArrayList<>();
        w.state()
                .path("resources")
                .forEach(r -> r.path("instances")
                        .forEach(i -> inState.add(
                                r.path("name").asText() + i.path("index_key").asText(""))));
        assertThat(inState).containsExactlyInAnyOrder("ok0", "ok1", "ok2");

        var fixed = w.ok("apply", "-auto-approve", "-no-color", "-var", "fail=false");
        assertThat(fixed.out()).contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
        assertThat(w.names()).containsExactly("dependent", "flaky", "ok-0", "ok-1", "ok-2");
    }

    @Test
    void killingTheCliMidApplyLosesNothingAndTheNextApplyConverges() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                provider "testing" {
                  latency_ms = 20
                }
                resource "testing_object" "many" {
                  count = 200
                  name  = "obj-${count.index}"
                }
                """);
        w.ok("init");
        // the killed apply is the real program and its plugin; the apply that replays its journal runs in-process.
        // It applies a saved plan one operation at a time, so that it is still far from done when the test, which
        // may be scheduled late on a loaded machine, kills it: in parallel its last 160 operations took a third of
        // a second.
        w.ok("plan", "-out=tfplan", "-no-color");
        Path journal = dir.resolve("terraform.tfstate.journal");
        List<String> command = new ArrayList<>(List.of(
                NetformProcess.home().resolve("bin/netform").toString(),
                "apply",
                "-auto-approve",
                "-no-color",
                "-parallelism=1",
                "tfplan"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("NETFORM_TESTING_STORE", w.store.toString());
        Process apply = pb.start();
        JournalProgress.await(journal, 40, apply, Duration.ofMinutes(2));
        assertThat(apply.isAlive())
                .as("the apply was still running when killed")
                .isTrue();
        NetformProcess.kill(apply);
        int created = w.names().size();
        assertThat(created).isBetween(1, 199);

        var resumed = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(resumed.err()).contains("Recovered the changes of an interrupted apply");
        List<String> names = w.names();
        assertThat(names).hasSize(200);
        assertThat(new HashSet<>(names)).hasSize(200);
        assertThat(w.state().path("resources").get(0).path("instances")).hasSize(200);
        assertThat(w.run("plan", "-detailed-exitcode", "-out=tfplan").exitCode())
                .isZero();
        assertThat(PlanJsonContract.show(w, "tfplan")
                        .path("prior_state")
                        .path("values")
                        .path("root_module")
                        .path("resources"))
                .hasSize(200);
    }

    @Test
    void aSecondWriterIsRefusedWhileTheStateIsLocked() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                resource "testing_object" "a" {
                  name = "a"
                }
                """);
        w.ok("init");
        Path state = dir.resolve("terraform.tfstate");
        LockInfo holder = LockInfo.forOperation("OperationTypeApply", "test", state.toString());
        try (StateLock lock = StateLock.acquire(state, holder, Duration.ZERO)) {
            var refused = w.run("apply", "-auto-approve", "-no-color");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err())
                    .contains("Error acquiring the state lock")
                    .contains(lock.info().id());
            assertThat(w.names()).isEmpty();
        }
        w.ok("apply", "-auto-approve");
        assertThat(w.names()).containsExactly("a");
    }
}
