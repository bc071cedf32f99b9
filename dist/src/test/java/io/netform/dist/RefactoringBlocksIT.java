package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moved} and {@code removed} blocks through the CLI run in-process, after an apply with the testing
 * provider.
 */
class RefactoringBlocksIT {

    @TempDir
    Path dir;

    private Workspace w;

    @BeforeEach
    void apply() throws Exception {
        w = Workspace.inProcess(dir).config("""
                resource "testing_object" "a" {
                  name = "alpha"
                }
                resource "testing_object" "old" {
                  name = "kept"
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
    void movedBlocksRenameResourcesAndModulesThroughChainsWithoutReplacingThem() throws Exception {
        String alpha = w.id("alpha");
        w.config("""
                resource "testing_object" "c" {
                  name = "alpha"
                }
                resource "testing_object" "multi" {
                  count = 1
                  name  = "kept"
                }
                module "network" {
                  source = "./net"
                }
                moved {
                  from = testing_object.a
                  to   = testing_object.b
                }
                moved {
                  from = testing_object.b
                  to   = testing_object.c
                }
                moved {
                  from = testing_object.old
                  to   = testing_object.multi[0]
                }
                moved {
                  from = module.net
                  to   = module.network
                }
                """);
        var plan = w.run("plan", "-no-color", "-detailed-exitcode", "-out=tfplan");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
        assertThat(plan.out())
                .contains("# testing_object.a has moved to testing_object.c")
                .contains("# testing_object.old has moved to testing_object.multi[0]")
                .contains("# module.net.testing_object.seg has moved to module.network.testing_object.seg")
                .contains("Plan: 0 to add, 0 to change, 0 to destroy.");
        assertThat(PlanJsonContract.show(w, "tfplan").path("resource_changes"))
                .extracting(rc -> rc.path("previous_address").asText() + " -> "
                        + rc.path("address").asText())
                .containsExactlyInAnyOrder(
                        "testing_object.a -> testing_object.c",
                        "testing_object.old -> testing_object.multi[0]",
                        "module.net.testing_object.seg -> module.network.testing_object.seg");

        var applied = w.ok("apply", "-no-color", "tfplan");
        assertThat(applied.out()).contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed.");
        assertThat(w.ok("state", "list").out())
                .isEqualTo("testing_object.c\ntesting_object.multi[0]\n" + "module.network.testing_object.seg\n");
        assertThat(w.id("alpha")).isEqualTo(alpha);
        assertThat(w.run("plan", "-detailed-exitcode").exitCode()).isEqualTo(0);
    }

    @Test
    void aMoveWithAChangeShowsBoth() throws Exception {
        w.config("""
                resource "testing_object" "b" {
                  name  = "alpha"
                  value = "new"
                }
                resource "testing_object" "old" {
                  name = "kept"
                }
                module "net" {
                  source = "./net"
                }
                moved {
                  from = testing_object.a
                  to   = testing_object.b
                }
                """);
        var plan = w.ok("plan", "-no-color");
        assertThat(plan.out())
                .contains("# testing_object.b will be updated in-place\n  # (moved from testing_object.a)")
                .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    }

    @Test
    void invalidMovesAreErrorsNamingTheBlock() throws Exception {
        String resources = """
                resource "testing_object" "a" {
                  name = "alpha"
                }
                resource "testing_object" "old" {
                  name = "kept"
                }
                module "net" {
                  source = "./net"
                }
                """;
        w.config(resources + """
                moved {
                  from = testing_object.old
                  to   = testing_echo.old
                }
                """);
        var otherType = w.run("plan", "-no-color");
        assertThat(otherType.exitCode()).isEqualTo(1);
        assertThat(otherType.err())
                .contains("main.tf:16:1: Invalid \"moved\" addresses")
                .contains("same resource type (testing_object)");

        w.config(resources + """
                moved {
                  from = testing_object.a
                  to   = testing_object.z
                }
                moved {
                  from = testing_object.x
                  to   = testing_object.y
                }
                moved {
                  from = testing_object.y
                  to   = testing_object.x
                }
                resource "testing_object" "x" {
                  name = "x"
                }
                """);
        var plan = w.run("plan", "-no-color");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("main.tf:16:1: Moved object still exists")
                .contains("testing_object.a, but that is still declared");

        w.config(resources.replace("\"a\"", "\"b\"") + """
                moved {
                  from = testing_object.a
                  to   = testing_object.b
                }
                moved {
                  from = testing_object.b
                  to   = testing_object.a
                }
                """);
        var cycle = w.run("plan", "-no-color");
        assertThat(cycle.exitCode()).isEqualTo(1);
        assertThat(cycle.err())
                .contains("Cyclic dependency in move statements")
                .contains("testing_object.a -> testing_object.b -> testing_object.a");
        assertThat(w.ok("state", "list").out()).contains("testing_object.a\n");
    }

    @Test
    void removedBlocksForgetWithoutDestroying() throws Exception {
        w.config("""
                resource "testing_object" "a" {
                  name = "alpha"
                }
                removed {
                  from = testing_object.old
                  lifecycle {
                    destroy = false
                  }
                }
                removed {
                  from = module.net
                  lifecycle {
                    destroy = false
                  }
                }
                """);
        var plan = w.run("plan", "-no-color", "-detailed-exitcode", "-out=tfplan");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
        assertThat(plan.out())
                .contains("# testing_object.old will no longer be managed by Netform")
                .contains("# module.net.testing_object.seg will no longer be managed by Netform")
                .contains("Plan: 0 to add, 0 to change, 0 to destroy, 2 to forget.");
        assertThat(plan.err())
                .contains("Warning: Some objects will no longer be managed by Netform")
                .contains(" - testing_object.old");
        assertThat(PlanJsonContract.show(w, "tfplan").path("resource_changes"))
                .filteredOn(rc -> rc.path("change").path("actions").toString().equals("[\"forget\"]"))
                .extracting(rc -> rc.path("address").asText())
                .containsExactlyInAnyOrder("testing_object.old", "module.net.testing_object.seg");

        w.ok("apply", "tfplan");
        assertThat(w.ok("state", "list").out()).isEqualTo("testing_object.a\n");
        assertThat(w.names()).containsExactly("alpha", "kept", "seg");
    }

    @Test
    void aRemovedBlockForAResourceStillConfiguredIsAnError() throws Exception {
        w.config("""
                resource "testing_object" "a" {
                  name = "alpha"
                }
                removed {
                  from = testing_object.a
                  lifecycle {
                    destroy = false
                  }
                }
                """);
        var plan = w.run("plan", "-no-color");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("main.tf:10:1: Removed resource still exists")
                .contains("testing_object.a was removed, but it is still declared");
    }
}
