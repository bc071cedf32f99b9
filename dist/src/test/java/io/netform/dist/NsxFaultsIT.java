package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxsim.SimulatorConfig;
import io.netform.nsxsim.server.FaultSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/dev still applies when NSX throttles (429), is overloaded (503) or slow. */
class NsxFaultsIT {

    @TempDir
    Path root;

    @Test
    void applySucceedsWhileNsxAnswersSomeRequestsWith429And503() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.start(root)) {
            // one request in five fails; ten retries make a call that fails for good unlikely (0.2^11)
            Workspace w = nsx.inProcessWorkspace(Map.of("NSXT_MAX_RETRIES", "10"));
            w.ok("init", "-no-color");
            nsx.simulator.faults().update(new FaultSettings(0, 0, 0.1, 0.1, 0, 0, null, 500));
            assertThat(w.ok("apply", "-auto-approve", "-no-color").out())
                    .contains("Apply complete! Resources: 23 added");
            nsx.simulator.faults().update(FaultSettings.NONE);
            DevExampleIT.assertNoChanges(w);
            assertThat(nsx.ids("/infra/segments")).hasSize(4);
        }
    }

    @Test
    void aSlowNsxIsDrivenTenAtATime() throws Exception {
        SimulatorConfig slow = SimulatorConfig.defaults()
                .withRealizationDelay(Duration.ZERO)
                .withFaults(new FaultSettings(50, 50, 0, 0, 0, 0, null, 500));
        try (NsxTestBed nsx = NsxTestBed.start(root, slow)) {
            Workspace w = nsx.inProcessWorkspace();
            w.ok("init", "-no-color");
            assertThat(w.ok("apply", "-auto-approve", "-no-color", "-parallelism=10")
                            .out())
                    .contains("Apply complete! Resources: 23 added");
            DevExampleIT.assertNoChangesInPlanJson(w);
            assertThat(w.ok("destroy", "-auto-approve", "-no-color", "-parallelism=10")
                            .out())
                    .contains("Destroy complete! Resources: 23 destroyed.");
        }
    }
}
