package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled drift gate against the NSX simulator, the CLI in-process: someone edits NSX by hand,
 * {@code plan -refresh-only -detailed-exitcode} exits 2 without writing state, {@code apply
 * -refresh-only -auto-approve} records the edit, and the next refresh-only plan exits 0.
 */
class DriftGateIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void aHandEditIsReportedByTheRefreshOnlyPlanAndRecordedByTheRefreshOnlyApply() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.startWithTestConfiguration(root, "prod-firewall")) {
            Workspace w = nsx.inProcessWorkspace();
            w.ok("init", "-no-color");
            w.ok("apply", "-auto-approve", "-no-color");
            NetformProcess.Result clean = w.run("plan", "-refresh-only", "-detailed-exitcode", "-no-color");
            assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();

            nsx.patch("/infra/segments/prod-app", NsxTestBed.object().put("description", "changed by hand"));
            Path state = nsx.example.resolve("terraform.tfstate");
            String before = Files.readString(state);
            NetformProcess.Result drifted = w.run("plan", "-refresh-only", "-detailed-exitcode", "-no-color");
            assertThat(drifted.exitCode()).as(drifted.out() + drifted.err()).isEqualTo(2);
            assertThat(drifted.out())
                    .contains("# nsxt_policy_segment.app has changed")
                    .contains("~ description         = \"Application servers\" -> \"changed by hand\"");
            assertThat(Files.readString(state)).isEqualTo(before);

            w.ok("apply", "-refresh-only", "-auto-approve", "-no-color");
            assertThat(segmentDescription(state)).isEqualTo("changed by hand");
            assertThat(nsx.get("/infra/segments/prod-app")
                            .orElseThrow()
                            .path("description")
                            .asText())
                    .isEqualTo("changed by hand");
            NetformProcess.Result after = w.run("plan", "-refresh-only", "-detailed-exitcode", "-no-color");
            assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
            assertThat(after.out()).contains("No changes. Your infrastructure still matches the configuration.");
        }
    }

    private static String segmentDescription(Path state) throws Exception {
        for (JsonNode resource : JSON.readTree(state.toFile()).path("resources")) {
            if (resource.path("type").asText().equals("nsxt_policy_segment")) {
                return resource.path("instances")
                        .path(0)
                        .path("attributes")
                        .path("description")
                        .asText();
            }
        }
        throw new AssertionError("no segment in " + state);
    }
}
