package io.netform.cli;

import static io.netform.plan.PlanFixtures.SEGMENT;
import static io.netform.plan.PlanFixtures.change;
import static io.netform.plan.PlanFixtures.nullOf;
import static io.netform.plan.PlanFixtures.object;
import static io.netform.plan.PlanFixtures.s;
import static io.netform.plan.PlanFixtures.unknownString;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceRange;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.OutputChange;
import io.netform.plan.Plan;
import io.netform.plan.PlanFixtures;
import io.netform.plan.ResourceChange;
import io.netform.value.AttributePath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonUiStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonUiStream stream = new JsonUiStream(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00.123456Z"), ZoneOffset.UTC));

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode m = JSON.readTree(line);
            assertThat(m.path("@module").asText()).isEqualTo("terraform.ui");
            assertThat(m.path("@timestamp").asText()).isEqualTo("2026-11-26T12:00:00.123456Z");
            assertThat(m.has("@level") && m.has("@message") && m.has("type")).isTrue();
            out.add(m);
        }
        return out;
    }

    private static ResourceChange create() {
        return change(
                "nsxt_policy_segment.web[\"a\"]",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(SEGMENT, "id", unknownString(), "display_name", s("web")));
    }

    @Test
    void theVersionMessageNamesTheUiVersion() throws Exception {
        stream.version("0.1.0");
        JsonNode m = lines().get(0);
        assertThat(m.path("type").asText()).isEqualTo("version");
        assertThat(m.path("ui").asText()).isEqualTo("1.3");
        assertThat(m.path("terraform").asText()).isEqualTo("0.1.0");
    }

    @Test
    void aPlanIsDriftThenPlannedChangesThenTheSummaryThenOutputs() throws Exception {
        ResourceChange replace = change(
                "module.net.nsxt_policy_segment.db[1]",
                Action.DELETE_THEN_CREATE,
                ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE,
                SEGMENT,
                object(SEGMENT, "id", s("seg-db")),
                object(SEGMENT, "id", unknownString()),
                AttributePath.of("transport_zone_path"));
        ResourceChange drift = change(
                "nsxt_policy_segment.old",
                Action.DELETE,
                ActionReason.NONE,
                SEGMENT,
                object(SEGMENT, "id", s("seg-old")),
                nullOf(SEGMENT));
        Plan plan = PlanFixtures.plan(
                Plan.Mode.NORMAL,
                List.of(create(), replace),
                List.of(drift),
                new OutputChange("web_id", Action.CREATE, null, unknownString(), false));
        stream.plan(plan);

        List<JsonNode> m = lines();
        assertThat(m)
                .extracting(n -> n.path("type").asText())
                .containsExactly("resource_drift", "planned_change", "planned_change", "change_summary", "outputs");
        assertThat(m.get(0).path("@message").asText()).isEqualTo("nsxt_policy_segment.old: Drift detected (delete)");
        JsonNode created = m.get(1).path("change");
        assertThat(m.get(1).path("@message").asText()).isEqualTo("nsxt_policy_segment.web[\"a\"]: Plan to create");
        assertThat(created.path("action").asText()).isEqualTo("create");
        assertThat(created.path("resource").path("addr").asText()).isEqualTo("nsxt_policy_segment.web[\"a\"]");
        assertThat(created.path("resource").path("resource_key").asText()).isEqualTo("a");
        assertThat(created.path("resource").path("implied_provider").asText()).isEqualTo("nsxt");
        JsonNode replaced = m.get(2).path("change");
        assertThat(replaced.path("action").asText()).isEqualTo("replace");
        assertThat(replaced.path("reason").asText()).isEqualTo("cannot_update");
        assertThat(replaced.path("resource").path("module").asText()).isEqualTo("module.net");
        assertThat(replaced.path("resource").path("resource").asText()).isEqualTo("nsxt_policy_segment.db[1]");
        assertThat(replaced.path("resource").path("resource_key").asInt()).isEqualTo(1);
        assertThat(m.get(3).path("@message").asText()).isEqualTo("Plan: 2 to add, 0 to change, 1 to destroy.");
        assertThat(m.get(3).path("changes").toString())
                .isEqualTo("{\"add\":2,\"change\":0,\"import\":0,\"remove\":1,\"operation\":\"plan\"}");
        assertThat(m.get(4).path("outputs").path("web_id").path("action").asText())
                .isEqualTo("create");
    }

    @Test
    void aDiagnosticCarriesItsRangeAndTheHighlightedSnippetInBytes() throws Exception {
        String text = "# é\nresource \"x\" \"y\" {\n  name = \"é\" + 1\n}\n";
        // The subject is `"é" + 1` on line 3: columns 10 to 17 (exclusive).
        SourceRange range = new SourceRange("main.tf", 3, 10, 35, 3, 17, 42);
        stream.diagnostic(Diagnostic.error("Invalid operand", "A number is required.", range), Map.of("main.tf", text));

        JsonNode m = lines().get(0);
        assertThat(m.path("@level").asText()).isEqualTo("error");
        assertThat(m.path("@message").asText()).isEqualTo("Error: Invalid operand");
        JsonNode d = m.path("diagnostic");
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("detail").asText()).isEqualTo("A number is required.");
        assertThat(d.path("range").path("filename").asText()).isEqualTo("main.tf");
        assertThat(d.path("range").path("start").path("line").asInt()).isEqualTo(3);
        assertThat(d.path("range").path("end").path("column").asInt()).isEqualTo(17);
        JsonNode snippet = d.path("snippet");
        assertThat(snippet.path("code").asText()).isEqualTo("  name = \"é\" + 1");
        assertThat(snippet.path("start_line").asInt()).isEqualTo(3);
        byte[] code = snippet.path("code").asText().getBytes(StandardCharsets.UTF_8);
        String highlighted = new String(
                code,
                snippet.path("highlight_start_offset").asInt(),
                snippet.path("highlight_end_offset").asInt()
                        - snippet.path("highlight_start_offset").asInt(),
                StandardCharsets.UTF_8);
        assertThat(highlighted).isEqualTo("\"é\" + 1");
    }

    @Test
    void applyHooksBecomeApplyStartProgressCompleteAndErrored() throws Exception {
        JsonApplyView view = new JsonApplyView(stream);
        ResourceChange update = change(
                "nsxt_policy_segment.web",
                Action.UPDATE,
                ActionReason.NONE,
                SEGMENT,
                object(SEGMENT, "id", s("seg-1"), "display_name", s("a")),
                object(SEGMENT, "id", s("seg-1"), "display_name", s("b")));
        view.started(update);
        view.stillRunning(update, Duration.ofSeconds(10));
        view.completed(update, update.after(), Duration.ofSeconds(12));
        view.failed(create(), Duration.ofSeconds(3));

        List<JsonNode> m = lines();
        assertThat(m)
                .extracting(n -> n.path("type").asText())
                .containsExactly("apply_start", "apply_progress", "apply_complete", "apply_errored");
        assertThat(m.get(0).path("@message").asText()).isEqualTo("nsxt_policy_segment.web: Modifying... [id=seg-1]");
        assertThat(m.get(0).path("hook").path("id_value").asText()).isEqualTo("seg-1");
        assertThat(m.get(0).path("hook").path("action").asText()).isEqualTo("update");
        assertThat(m.get(1).path("hook").path("elapsed_seconds").asInt()).isEqualTo(10);
        assertThat(m.get(2).path("@message").asText())
                .isEqualTo("nsxt_policy_segment.web: Modifications complete after 12s [id=seg-1]");
        assertThat(m.get(3).path("@level").asText()).isEqualTo("error");
        assertThat(m.get(3).path("@message").asText())
                .isEqualTo("nsxt_policy_segment.web[\"a\"]: Creation errored after 3s");
    }

    @Test
    void refreshingAnObjectIsAStartAndACompleteMessageWithItsId() throws Exception {
        var address = io.netform.addrs.AddressParser.parseInstance("nsxt_policy_segment.web[\"a\"]");
        JsonRefreshView view = new JsonRefreshView(stream);
        view.refreshStarted(address, object(SEGMENT, "id", s("seg-1"), "display_name", s("web")));
        view.refreshCompleted(address, nullOf(SEGMENT));
        List<JsonNode> lines = lines();
        assertThat(lines.get(0).get("type").asText()).isEqualTo("refresh_start");
        assertThat(lines.get(0).get("@message").asText())
                .isEqualTo("nsxt_policy_segment.web[\"a\"]: Refreshing state... [id=seg-1]");
        assertThat(lines.get(0).get("hook").get("resource").get("addr").asText())
                .isEqualTo("nsxt_policy_segment.web[\"a\"]");
        assertThat(lines.get(0).get("hook").get("id_value").asText()).isEqualTo("seg-1");
        assertThat(lines.get(1).get("type").asText()).isEqualTo("refresh_complete");
        assertThat(lines.get(1).get("@message").asText()).isEqualTo("nsxt_policy_segment.web[\"a\"]: Refresh complete");
        assertThat(lines.get(1).get("hook").has("id_value")).isFalse();
    }
}
