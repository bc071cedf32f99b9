package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netform import ADDRESS ID} and {@code import} blocks, through the CLI run in-process. */
class ImportIT {

    private static final String RESOURCES = """
            resource "testing_object" "a" {
              name  = "alpha"
              value = "one"
            }
            resource "testing_object" "b" {
              for_each = toset(["x", "y"])
              name     = "beta-${each.key}"
              value    = "two"
            }
            """;

    @TempDir
    Path dir;

    private Workspace w;

    /** Objects that exist in the cloud, but that this working directory's state does not know. */
    @BeforeEach
    void orphanedObjects() throws Exception {
        w = Workspace.inProcess(dir).config(RESOURCES);
        w.ok("init");
        w.ok("apply", "-auto-approve");
        Files.delete(dir.resolve("terraform.tfstate"));
    }

    @Test
    void importCommandAdoptsAnExistingObjectThatThenNeedsNoChange() throws Exception {
        var imported = w.ok("import", "-no-color", "testing_object.a", w.id("alpha"));
        assertThat(imported.out())
                .contains("testing_object.a: Importing from ID \"" + w.id("alpha") + "\"...")
                .contains("Import successful!");
        w.ok("import", "-no-color", "testing_object.b[\"x\"]", w.id("beta-x"));
        assertThat(w.ok("state", "list").out()).isEqualTo("testing_object.a\ntesting_object.b[\"x\"]\n");
        assertThat(w.ok("state", "show", "-no-color", "testing_object.a").out()).contains("name       = \"alpha\"");

        var plan = w.run("plan", "-no-color", "-detailed-exitcode");
        assertThat(plan.out())
                .contains("# testing_object.b[\"y\"] will be created")
                .contains("Plan: 1 to add, 0 to change, 0 to destroy.");
        assertThat(plan.exitCode()).isEqualTo(2);
    }

    @Test
    void importCommandRefusesWhatItCannotDo() throws Exception {
        w.ok("import", "testing_object.a", w.id("alpha"));
        var again = w.run("import", "-no-color", "testing_object.a", w.id("alpha"));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .contains("Error: Resource already managed by Netform")
                .contains("already managing a remote object for testing_object.a");

        var undeclared = w.run("import", "-no-color", "testing_object.nope", "some-id");
        assertThat(undeclared.exitCode()).isEqualTo(1);
        assertThat(undeclared.err())
                .contains("Error: Configuration for import target does not exist")
                .contains("The resource address \"testing_object.nope\" does not exist in the configuration")
                .contains("resource \"testing_object\" \"nope\" {");

        var missing = w.run("import", "-no-color", "testing_object.b[\"y\"]", "no-such-id");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err())
                .contains("Cannot import non-existent remote object")
                .contains("no-such-id")
                .contains("testing_object.b[\"y\"]");

        var badAddress = w.run("import", "-no-color", "testing_object", "x");
        assertThat(badAddress.exitCode()).isEqualTo(1);
        assertThat(badAddress.err()).contains("Error: Invalid address");
        assertThat(w.ok("state", "list").out()).isEqualTo("testing_object.a\n");
    }

    @Test
    void importBlocksArePlannedCountedAndApplied() throws Exception {
        w.config(RESOURCES + """
                locals {
                  ids = { x = "%s", y = "%s" }
                }
                import {
                  to = testing_object.a
                  id = "%s"
                }
                import {
                  for_each = local.ids
                  to       = testing_object.b[each.key]
                  id       = each.value
                }
                """.formatted(w.id("beta-x"), w.id("beta-y"), w.id("alpha")));
        Files.writeString(
                dir.resolve("main.tf"),
                Files.readString(dir.resolve("main.tf"))
                        .replace("value    = \"two\"", "value    = each.key == \"y\" ? \"changed\" : \"two\""));
        var plan = w.run("plan", "-no-color", "-detailed-exitcode", "-out=tfplan");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
        assertThat(plan.out())
                .contains("# testing_object.a will be imported")
                .contains("# testing_object.b[\"x\"] will be imported")
                .contains("# testing_object.b[\"y\"] will be updated in-place\n  # (imported from \"" + w.id("beta-y")
                        + "\")")
                .contains("~ value      = \"two\" -> \"changed\"")
                .contains("Plan: 3 to import, 0 to add, 1 to change, 0 to destroy.");
        assertThat(dir.resolve("terraform.tfstate")).doesNotExist();
        assertThat(PlanJsonContract.show(w, "tfplan").path("resource_changes"))
                .extracting(rc -> rc.path("address").asText() + " "
                        + rc.path("change").path("importing").path("id").asText())
                .containsExactly(
                        "testing_object.a " + w.id("alpha"),
                        "testing_object.b[\"x\"] " + w.id("beta-x"),
                        "testing_object.b[\"y\"] " + w.id("beta-y"));

        var applied = w.ok("apply", "-no-color", "tfplan");
        assertThat(applied.out()).contains("Apply complete! Resources: 3 imported, 0 added, 1 changed, 0 destroyed.");
        assertThat(w.ok("state", "list").out())
                .isEqualTo("testing_object.a\ntesting_object.b[\"x\"]\ntesting_object.b[\"y\"]\n");
        assertThat(w.cloud().path(w.id("beta-y")).path("value").asText()).isEqualTo("changed");

        var again = w.run("plan", "-no-color", "-detailed-exitcode");
        assertThat(again.exitCode()).as(again.out()).isEqualTo(0);
        assertThat(again.out()).contains("No changes.");
    }

    @Test
    void importBlocksNameWhatIsWrong() throws Exception {
        w.config(RESOURCES + """
                import {
                  to = testing_object.missing
                  id = "x"
                }
                import {
                  to = testing_object.b["z"]
                  id = "y"
                }
                """);
        var plan = w.run("plan", "-no-color");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("main.tf:16:1: Configuration for import target does not exist")
                .contains("import target testing_object.missing does not exist")
                .contains("import target testing_object.b[\"z\"] does not exist");
    }
}
