package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quickstart works as written: init, apply, and a second plan that finds nothing to do. */
class QuickstartIT {

    @TempDir
    Path dir;

    @Test
    void theQuickstartExampleAppliesAndConverges() throws Exception {
        Path example = Path.of(System.getProperty("netform.home"))
                .resolve("../../../examples/quickstart/main.tf")
                .normalize();
        Files.copy(example, dir.resolve("main.tf"));
        Workspace w = new Workspace(dir);
        w.ok("init");
        var applied = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(applied.out())
                .contains("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.")
                .contains("\"web\" = \"10.244.2.0/24\"");
        assertThat(w.names()).containsExactly("dev-cluster", "dev-default", "dev-kube-system", "dev-web");
        assertThat(w.run("plan", "-detailed-exitcode", "-no-color", "-out=tfplan")
                        .exitCode())
                .isZero();
        assertThat(PlanJsonContract.show(w, "tfplan").path("applyable").asBoolean())
                .isFalse();
        assertThat(w.ok("destroy", "-auto-approve", "-no-color").out())
                .contains("Destroy complete! Resources: 4 destroyed.");
    }
}
