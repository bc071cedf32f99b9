package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.plan.PlanFile;
import io.netform.plan.PlanFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show PATH} with a plan file, a state file and a path that is neither; {@code show -json} and
 * {@code graph -plan} of a plan file use the configuration saved in it.
 */
class ShowFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPlanFileIsShownAsPlanJson() throws Exception {
        PlanFile.write(dir.resolve("tfplan"), PlanFixtures.savedPlan());
        CliRun run = CliRun.run(dir, "show", "-json", "tfplan");
        assertThat(run.exitCode()).isZero();
        JsonNode plan = JSON.readTree(run.out());
        assertThat(plan.path("format_version").asText()).isEqualTo("1.2");
        assertThat(plan.path("resource_changes"))
                .extracting(c -> c.path("address").asText())
                .contains("nsxt_policy_segment.web");
        assertThat(plan.path("variables").path("environment").path("value").asText())
                .isEqualTo("dev");
    }

    @Test
    void thePlanJsonDescribesTheConfigurationSavedInThePlanNotTheOneInTheDirectory() throws Exception {
        PlanFile.write(dir.resolve("tfplan"), PlanFixtures.savedPlan());
        Files.writeString(dir.resolve("main.tf"), "resource \"nsxt_policy_segment\" \"changed_since\" {}\n");
        CliRun run = CliRun.run(dir, "show", "-json", "tfplan");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out()).path("configuration").path("root_module");
        assertThat(root.path("resources"))
                .extracting(r -> r.path("address").asText())
                .containsExactly("nsxt_policy_segment.web", "data.nsxt_policy_tier0_gateway.t0");
        assertThat(root.path("resources")
                        .get(0)
                        .path("expressions")
                        .path("labels")
                        .path("references"))
                .extracting(JsonNode::asText)
                .containsExactly("var.environment");
        assertThat(root.path("module_calls")
                        .path("cluster")
                        .path("module")
                        .path("resources")
                        .get(0)
                        .path("address")
                        .asText())
                .isEqualTo("nsxt_policy_segment.db");
    }

    @Test
    void graphDrawsASavedPlanFromTheConfigurationSavedInIt() throws Exception {
        PlanFile.write(dir.resolve("tfplan"), PlanFixtures.savedPlan());
        CliRun run = CliRun.run(dir, "graph", "-plan=tfplan");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("\"nsxt_policy_segment.web\" [label = \"nsxt_policy_segment.web (create)\"")
                .contains("subgraph \"cluster_module.cluster\"");
    }

    @Test
    void aStateFileIsShownAsStateJson() throws Exception {
        Files.writeString(dir.resolve("other.tfstate"), """
                {"version": 4, "terraform_version": "1.9.0", "serial": 2, "lineage": "l-1",
                 "outputs": {"url": {"value": "https://example.test", "type": "string"}}, "resources": []}
                """);
        CliRun run = CliRun.run(dir, "show", "-json", "other.tfstate");
        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out())
                        .path("values")
                        .path("outputs")
                        .path("url")
                        .path("value")
                        .asText())
                .isEqualTo("https://example.test");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        CliRun run = CliRun.run(dir, "show", "nothing.plan");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Failed to read the given file as a state or plan file")
                .contains("nothing.plan");
    }
}
