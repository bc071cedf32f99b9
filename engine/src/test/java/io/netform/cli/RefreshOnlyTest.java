package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan -refresh-only} and {@code apply -refresh-only}, the drift gate: an object changed behind
 * Netform's back in the provider's store is reported, with exit code 2 under -detailed-exitcode, and
 * recorded in state only by an approved refresh-only apply.
 */
class RefreshOnlyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @TempDir
    Path plugins;

    /** The remote end: one object store for every start of the provider. */
    private FakeCloud cloud;

    @BeforeEach
    void appliedOneObject() throws IOException {
        cloud = FakeCloud.install(dir, plugins, """
                resource "testing_object" "web" {
                  name = "web"
                  size = 1
                }

                output "size" {
                  value = testing_object.web.size
                }
                """);
        CliRun apply = run("apply", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
    }

    private CliRun run(String... args) {
        return answering("", args);
    }

    private CliRun answering(String stdin, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add(1, "-no-color");
        return cloud.run(stdin, all.toArray(String[]::new));
    }

    private String state() throws IOException {
        return Files.readString(dir.resolve("terraform.tfstate"));
    }

    private long recordedSize() throws IOException {
        return JSON.readTree(state())
                .path("resources")
                .path(0)
                .path("instances")
                .path(0)
                .path("attributes")
                .path("size")
                .asLong();
    }

    @Test
    void aRefreshOnlyPlanExitsZeroWhileTheObjectsMatchAndTwoOnceOneChangedOutsideNetform() throws IOException {
        CliRun clean = run("plan", "-refresh-only", "-detailed-exitcode");
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out())
                .contains("No changes. Your infrastructure still matches the configuration.")
                .contains("Netform has checked that the real remote objects still match the result of\n"
                        + "your most recent changes, and found no differences.");

        String before = state();
        cloud.objects().editOutside("obj-web", "size", Value.number(5));
        CliRun drifted = run("plan", "-refresh-only", "-detailed-exitcode");
        assertThat(drifted.exitCode()).as(drifted.err()).isEqualTo(2);
        assertThat(drifted.out())
                .contains("Note: Objects have changed outside of Netform")
                .contains("# testing_object.web has changed")
                .contains("~ size = 1 -> 5")
                .contains("This is a refresh-only plan, so Netform will not take any actions to undo\nthese.")
                .doesNotContain("Netform will perform the following actions");
        // A plan never writes state, refresh-only or not; nor does it touch the remote object.
        assertThat(state()).isEqualTo(before);
        assertThat(cloud.objects().object("obj-web").getAttr("size")).isEqualTo(Value.number(5));
    }

    @Test
    void applyRefreshOnlyAsksAndRecordsTheDriftOnlyWhenApproved() throws IOException {
        cloud.objects().editOutside("obj-web", "size", Value.number(5));
        String before = state();

        CliRun declined = answering("no\n", "apply", "-refresh-only");
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(declined.out())
                .contains("# testing_object.web has changed")
                .contains("Would you like to update the Netform state to reflect these detected changes?")
                .contains("Netform will write these changes to the state without modifying any real infrastructure.");
        assertThat(declined.err()).contains("Apply cancelled.");
        assertThat(state()).isEqualTo(before);

        CliRun approved = answering("yes\n", "apply", "-refresh-only");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.out())
                .contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed.")
                .contains("size = 5");
        assertThat(recordedSize()).isEqualTo(5);
        // The remote object keeps the value changed outside Netform: nothing was undone.
        assertThat(cloud.objects().object("obj-web").getAttr("size")).isEqualTo(Value.number(5));
        assertThat(run("plan", "-refresh-only", "-detailed-exitcode").exitCode())
                .isZero();
    }

    @Test
    void aSavedRefreshOnlyPlanUpdatesOnlyTheStateWhenApplied() throws IOException {
        cloud.objects().editOutside("obj-web", "size", Value.number(7));
        String before = state();
        CliRun plan = run("plan", "-refresh-only", "-out=drift.tfplan");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("netform apply \"drift.tfplan\"");
        assertThat(state()).isEqualTo(before);
        assertThat(run("show", "drift.tfplan").out()).contains("# testing_object.web has changed");

        CliRun apply = run("apply", "drift.tfplan");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed.");
        assertThat(recordedSize()).isEqualTo(7);
        assertThat(cloud.objects().object("obj-web").getAttr("size")).isEqualTo(Value.number(7));
        // a normal plan now wants to set the size back to the configuration's
        CliRun normal = run("plan", "-detailed-exitcode");
        assertThat(normal.exitCode()).isEqualTo(2);
        assertThat(normal.out()).contains("~ size = 7 -> 1");
    }

    @Test
    void anObjectDeletedOutsideNetformIsDriftAndTheApprovedRefreshForgetsIt() throws IOException {
        cloud.objects().deleteOutside("obj-web");
        CliRun plan = run("plan", "-refresh-only", "-detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
        assertThat(plan.out()).contains("# testing_object.web has been deleted");

        CliRun apply = run("apply", "-refresh-only", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(JSON.readTree(state()).path("resources")).isEmpty();
    }

    @Test
    void anObjectWhoseBlockWasRemovedIsStillReadAndItsDriftRecorded() throws IOException {
        Files.writeString(dir.resolve("main.tf"), FakeCloud.PROVIDER + """
                resource "testing_object" "web" {
                  name = "web"
                  size = 1
                }

                resource "testing_object" "old" {
                  count = 2
                  name  = "old${count.index}"
                  size  = 1
                }
                """);
        assertThat(run("apply", "-auto-approve").exitCode()).isZero();
        Files.writeString(dir.resolve("main.tf"), FakeCloud.PROVIDER + """
                resource "testing_object" "web" {
                  name = "web"
                  size = 1
                }
                """);
        cloud.objects().editOutside("obj-old0", "size", Value.number(3));
        cloud.objects().deleteOutside("obj-old1");

        CliRun plan = run("plan", "-refresh-only", "-detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
        assertThat(plan.out())
                .contains("# testing_object.old[0] has changed")
                .contains("~ size = 1 -> 3")
                .contains("# testing_object.old[1] has been deleted")
                .doesNotContain("will be destroyed");

        CliRun apply = run("apply", "-refresh-only", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        JsonNode old = null;
        for (JsonNode resource : JSON.readTree(state()).path("resources")) {
            if (resource.path("name").asText().equals("old")) {
                old = resource;
            }
        }
        assertThat(old).isNotNull();
        assertThat(old.path("instances")).hasSize(1);
        assertThat(old.path("instances").path(0).path("attributes").path("size").asLong())
                .isEqualTo(3);
        // the object was only read: a normal plan still destroys it
        assertThat(cloud.objects().object("obj-old0")).isNotNull();
        assertThat(run("plan").out()).contains("# testing_object.old[0] will be destroyed");
    }

    @Test
    void theJsonStreamCarriesResourceDriftMessages() throws IOException {
        cloud.objects().editOutside("obj-web", "size", Value.number(5));
        CliRun plan = run("plan", "-refresh-only", "-detailed-exitcode", "-json");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
        List<JsonNode> drift = plan.out()
                .lines()
                .map(RefreshOnlyTest::parse)
                .filter(m -> m.path("type").asText().equals("resource_drift"))
                .toList();
        assertThat(drift).hasSize(1);
        assertThat(drift.get(0).path("@message").asText()).isEqualTo("testing_object.web: Drift detected (update)");
        assertThat(drift.get(0).path("change").path("action").asText()).isEqualTo("update");
        assertThat(drift.get(0).path("change").path("resource").path("addr").asText())
                .isEqualTo("testing_object.web");
        assertThat(plan.out()).doesNotContain("\"planned_change\"");
    }

    @Test
    void refreshOnlyGoesWithTargetButNotWithDestroyNoRefreshOrReplace() throws IOException {
        cloud.objects().editOutside("obj-web", "size", Value.number(5));
        CliRun targeted = run("plan", "-refresh-only", "-target=testing_object.web", "-detailed-exitcode");
        assertThat(targeted.exitCode()).as(targeted.err()).isEqualTo(2);
        assertThat(targeted.out()).contains("# testing_object.web has changed");

        assertRefused(
                run("plan", "-refresh-only", "-destroy"),
                "Incompatible plan mode options",
                "The -destroy and -refresh-only options are mutually-exclusive.");
        assertRefused(
                run("apply", "-refresh-only", "-refresh=false"),
                "Incompatible refresh options",
                "It doesn't make sense to use -refresh-only at the same time as -refresh=false, because Netform would"
                        + " have nothing to do.");
        assertRefused(
                run("plan", "-refresh-only", "-replace=testing_object.web"),
                "Unsupported plan mode",
                "Forcing resource instance replacement (with -replace=...) is allowed only in normal planning mode.");
        assertRefused(
                run("destroy", "-refresh-only"),
                "Invalid mode option",
                "The -refresh-only option is not valid for \"netform destroy\".");
        run("plan", "-out=normal.tfplan");
        assertRefused(
                run("apply", "-refresh-only", "normal.tfplan"),
                "Refresh-only mode can't be set with a plan file",
                "netform plan -refresh-only -out=FILE");
        assertThat(recordedSize()).isEqualTo(1);
    }

    private static void assertRefused(CliRun run, String summary, String detail) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Error: " + summary).contains(detail);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
