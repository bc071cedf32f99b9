package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -exclude} on plan, apply and destroy, through the CLI run in-process with the {@code testing}
 * provider served over in-process gRPC (the same output as the program; see {@link InProcessNetform}).
 */
class ExcludeIT {

    @TempDir
    Path dir;

    @Test
    void excludingAResourceLeavesItAndWhatDependsOnItOut() throws Exception {
        Workspace w = workspace();
        var plan = w.ok("plan", "-no-color", "-exclude=testing_object.base");
        assertThat(plan.err())
                .contains("Warning: Resource targeting is in effect")
                .contains("This plan was made with -exclude");
        assertThat(plan.out())
                .contains("# testing_object.other will be created")
                .contains("# module.mod.testing_object.inner will be created")
                .doesNotContain("testing_object.base")
                .doesNotContain("testing_object.app")
                .contains("Plan: 2 to add, 0 to change, 0 to destroy.");

        var applied =
                w.ok("apply", "-auto-approve", "-no-color", "-exclude", "testing_object.base", "-exclude=module.mod");
        assertThat(applied.out()).contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        assertThat(applied.err()).contains("Warning: Applied changes may be incomplete");
        assertThat(w.names()).containsExactly("other");

        var oneInstance = w.ok("apply", "-auto-approve", "-no-color", "-exclude=testing_object.app[0]");
        assertThat(oneInstance.out()).contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed.");
        assertThat(w.names()).containsExactly("app-1", "base", "inner", "other");

        // without -exclude the plan is complete again, and its JSON says so
        var rest = w.ok("plan", "-no-color", "-out=tfplan");
        assertThat(rest.out()).contains("Plan: 1 to add, 0 to change, 0 to destroy.");
        assertThat(rest.err()).doesNotContain("targeting");
        assertThat(PlanJsonContract.show(w, "tfplan").path("resource_changes"))
                .filteredOn(rc -> !rc.path("change").path("actions").toString().equals("[\"no-op\"]"))
                .extracting(rc -> rc.path("address").asText())
                .containsExactly("testing_object.app[0]");
        w.ok("apply", "-no-color", "tfplan");
        assertThat(w.names()).containsExactly("app-0", "app-1", "base", "inner", "other");
    }

    @Test
    void aDestroyExcludingAnObjectKeepsItAndWhatItDependsOn() throws Exception {
        Workspace w = workspace();
        w.ok("apply", "-auto-approve", "-no-color");
        var destroyed = w.ok("destroy", "-auto-approve", "-no-color", "-exclude=testing_object.app");
        assertThat(destroyed.out())
                .contains("# testing_object.other will be destroyed")
                .doesNotContain("testing_object.base will be destroyed")
                .contains("Destroy complete! Resources: 2 destroyed.");
        assertThat(w.names()).containsExactly("app-0", "app-1", "base");
    }

    @Test
    void anInvalidExclusionIsRefusedBeforeAnythingChanges() throws Exception {
        Workspace w = workspace();
        var refused = w.run("apply", "-auto-approve", "-no-color", "-exclude=testing_object");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Invalid -exclude option").doesNotContain("Exception");
        assertThat(w.names()).isEmpty();
    }

    private Workspace workspace() throws Exception {
        return TargetIT.targetingWorkspace(Workspace.inProcess(dir));
    }
}
