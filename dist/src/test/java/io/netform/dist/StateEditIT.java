package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.state.LockInfo;
import io.netform.state.StateLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code state rm} and {@code state mv} through the CLI run in-process, after an apply with the testing provider. */
class StateEditIT {

    @TempDir
    Path dir;

    private Workspace w;

    @BeforeEach
    void apply() throws Exception {
        w = Workspace.inProcess(dir).config("""
                resource "testing_object" "a" {
                  name = "alpha"
                }
                resource "testing_object" "web" {
                  count = 2
                  name  = "web-${count.index}"
                }
                module "net" {
                  source = "./net"
                }
                """);
        w.module("net", """
                resource "testing_object" "seg" {
                  name = "seg"
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve");
    }

    @Test
    void rmForgetsInstancesButLeavesTheObjectsAndKeepsABackup() throws Exception {
        long serial = w.state().path("serial").asLong();
        var dry = w.ok("state", "rm", "-dry-run", "testing_object.web", "module.net");
        assertThat(dry.out())
                .isEqualTo("Would remove testing_object.web[0]\nWould remove testing_object.web[1]\n"
                        + "Would remove module.net.testing_object.seg\nWould have removed 3 resource instance(s).\n");
        assertThat(w.state().path("serial").asLong()).isEqualTo(serial);

        var removed = w.ok("state", "rm", "-no-color", "testing_object.web[1]", "module.net");
        assertThat(removed.out())
                .isEqualTo("Removed testing_object.web[1]\nRemoved module.net.testing_object.seg\n"
                        + "Successfully removed 2 resource instance(s).\n");
        assertThat(w.ok("state", "list").out()).isEqualTo("testing_object.a\ntesting_object.web[0]\n");
        assertThat(w.names()).containsExactly("alpha", "seg", "web-0", "web-1");
        assertThat(w.state().path("serial").asLong()).isEqualTo(serial + 1);
        try (Stream<Path> files = Files.list(dir)) {
            Path backup = files.filter(f -> f.getFileName().toString().matches("terraform\\.tfstate\\.\\d+\\.backup"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(backup)).contains("web-1").contains("\"serial\": " + serial);
        }

        var missing = w.run("state", "rm", "-no-color", "testing_object.nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Invalid target address").contains("testing_object.nope");
    }

    @Test
    void mvRenamesResourcesInstancesAndModulesWithoutReplacingAnything() throws Exception {
        var dry = w.ok("state", "mv", "-dry-run", "testing_object.a", "testing_object.b");
        assertThat(dry.out()).isEqualTo("Would move \"testing_object.a\" to \"testing_object.b\"\n");
        assertThat(w.ok("state", "list", "testing_object.a").out()).isEqualTo("testing_object.a\n");

        var moved = w.ok("state", "mv", "-no-color", "testing_object.a", "testing_object.b");
        assertThat(moved.out())
                .isEqualTo("Move \"testing_object.a\" to \"testing_object.b\"\n" + "Successfully moved 1 object(s).\n");
        w.ok("state", "mv", "testing_object.web[1]", "testing_object.web[5]");
        w.ok("state", "mv", "module.net", "module.network");
        assertThat(w.ok("state", "list").out())
                .isEqualTo("testing_object.b\ntesting_object.web[0]\n"
                        + "testing_object.web[5]\nmodule.network.testing_object.seg\n");

        w.config("""
                resource "testing_object" "b" {
                  name = "alpha"
                }
                resource "testing_object" "web" {
                  for_each = toset(["0", "5"])
                  name     = "web-${each.key == "5" ? 1 : 0}"
                }
                module "network" {
                  source = "./net"
                }
                """);
        w.ok("state", "mv", "testing_object.web[0]", "testing_object.web[\"0\"]");
        w.ok("state", "mv", "testing_object.web[5]", "testing_object.web[\"5\"]");
        var plan = w.run("plan", "-no-color", "-detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(0);
    }

    @Test
    void mvRefusesMovesThatCannotBeMade() throws Exception {
        var taken = w.run("state", "mv", "-no-color", "testing_object.web[0]", "testing_object.web[1]");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err())
                .contains("Invalid target address")
                .contains("Cannot move to testing_object.web[1]: there is already a resource instance");

        var otherType = w.run("state", "mv", "-no-color", "testing_object.a", "testing_echo.a");
        assertThat(otherType.exitCode()).isEqualTo(1);
        assertThat(otherType.err()).contains("same resource type (testing_object)");

        var absent = w.run("state", "mv", "-no-color", "testing_object.zzz", "testing_object.b");
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).contains("Cannot move testing_object.zzz: does not match anything");

        var kinds = w.run("state", "mv", "-no-color", "module.net", "testing_object.b");
        assertThat(kinds.exitCode()).isEqualTo(1);
        assertThat(kinds.err()).contains("a module can only move to another module address");
        assertThat(w.ok("state", "list").out())
                .isEqualTo("testing_object.a\ntesting_object.web[0]\n"
                        + "testing_object.web[1]\nmodule.net.testing_object.seg\n");
    }

    @Test
    void editsAreRefusedWhileAnotherCommandHoldsTheLock() throws Exception {
        Path state = dir.resolve("terraform.tfstate");
        LockInfo holder = LockInfo.forOperation("OperationTypeApply", "test", state.toString());
        try (StateLock lock = StateLock.acquire(state, holder, Duration.ZERO)) {
            var locked = w.run("state", "rm", "-no-color", "testing_object.a");
            assertThat(locked.exitCode()).isEqualTo(1);
            assertThat(locked.err())
                    .contains("Error acquiring the state lock")
                    .contains(lock.info().id());
        }
        assertThat(w.ok("state", "list", "testing_object.a").out()).isEqualTo("testing_object.a\n");
    }
}
