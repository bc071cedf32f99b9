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

/** {@code show PATH} with a plan file, a state file and a path that is neither. */
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
        assertThat(plan.path("resource_changes")).extracting(c -> c.path("address").asText())
                .contains("nsxt_policy_segment.web");
        assertThat(plan.path("variables").path("environment").path("value").asText()).isEqualTo("dev");
    }

    @Test
    void aStateFileIsShownAsStateJson() throws Exception {
        Files.writeString(dir.resolve("other.tfstate"), """
                {"version": 4, "terraform_version": "1.9.0", "serial": 2, "lineage": "l-1",
                 "outputs": {"url": {"value": "https://example.test", "type": "string"}}, "resources": []}
                """);
        CliRun run = CliRun.run(dir, "show", "-json", "other.tfstate");
        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out()).path("values").path("outputs").path("url").path("value").asText())
                .isEqualTo("https://example.test");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        CliRun run = CliRun.run(dir, "show", "nothing.plan");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Failed to read the given file as a state or plan file")
                .contains("nothing.plan");
    }
}
