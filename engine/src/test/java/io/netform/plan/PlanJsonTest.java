package io.netform.plan;

import static io.netform.plan.PlanFixtures.SCHEMA;
import static io.netform.plan.PlanFixtures.SEGMENT;
import static io.netform.plan.PlanFixtures.TIER0;
import static io.netform.plan.PlanFixtures.change;
import static io.netform.plan.PlanFixtures.nullOf;
import static io.netform.plan.PlanFixtures.object;
import static io.netform.plan.PlanFixtures.s;
import static io.netform.plan.PlanFixtures.secret;
import static io.netform.plan.PlanFixtures.stringMap;
import static io.netform.plan.PlanFixtures.subnet;
import static io.netform.plan.PlanFixtures.subnets;
import static io.netform.plan.PlanFixtures.unknownString;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

    private static final Instant WHEN = Instant.parse("2026-11-26T12:00:00.250Z");

    private static JsonNode encode(Plan plan) {
        JsonNode json =
                PlanJson.encode(plan, PlanFixtures.configuration(), Map.of(PlanFixtures.NSXT, SCHEMA), "0.1.0", WHEN);
        PlanJsonStructure.check(json);
        return json;
    }

    private static ResourceChange create() {
        return change(
                "nsxt_policy_segment.web",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(
                        SEGMENT,
                        "id",
                        unknownString(),
                        "display_name",
                        s("web"),
                        "vlan_ids",
                        Value.list(Type.STRING, List.of(s("100"), unknownString())),
                        "labels",
                        stringMap("env", "dev"),
                        "admin_password",
                        secret("pw"),
                        "subnet",
                        subnets(subnet("10.0.1.1/24"))));
    }

    private static ResourceChange replace() {
        Value before =
                object(SEGMENT, "id", s("seg-db"), "display_name", s("db"), "transport_zone_path", s("/tz/overlay"));
        Value after =
                object(SEGMENT, "id", unknownString(), "display_name", s("db"), "transport_zone_path", s("/tz/vlan"));
        return change(
                "module.cluster[\"dev\"].nsxt_policy_segment.db[1]",
                Action.DELETE_THEN_CREATE,
                ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE,
                SEGMENT,
                before,
                after,
                AttributePath.of("transport_zone_path"));
    }

    private static ResourceChange delete() {
        return change(
                "nsxt_policy_segment.old",
                Action.DELETE,
                ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG,
                SEGMENT,
                object(SEGMENT, "id", s("seg-old"), "admin_password", secret("old")),
                nullOf(SEGMENT));
    }

    private static ResourceChange read() {
        return change(
                "data.nsxt_policy_tier0_gateway.t0",
                Action.READ,
                ActionReason.READ_BECAUSE_CONFIG_UNKNOWN,
                TIER0,
                nullOf(TIER0),
                object(TIER0, "id", unknownString(), "display_name", s("t0")));
    }

    private static JsonNode changeOf(JsonNode plan, String address) {
        for (JsonNode rc : plan.path("resource_changes")) {
            if (rc.path("address").asText().equals(address)) {
                return rc;
            }
        }
        throw new AssertionError("no resource change " + address);
    }

    @Test
    void createLeavesUnknownsOutOfAfterAndMirrorsThem() {
        JsonNode rc = changeOf(encode(PlanFixtures.plan(List.of(create()))), "nsxt_policy_segment.web");
        JsonNode change = rc.path("change");
        assertThat(change.path("actions").toString()).isEqualTo("[\"create\"]");
        assertThat(change.path("before").isNull()).isTrue();
        assertThat(change.path("before_sensitive").asBoolean(true)).isFalse();
        assertThat(change.path("after").has("id")).isFalse();
        assertThat(change.path("after_unknown").path("id").asBoolean()).isTrue();
        assertThat(change.path("after").path("vlan_ids").toString()).isEqualTo("[\"100\",null]");
        assertThat(change.path("after_unknown").path("vlan_ids").toString()).isEqualTo("[false,true]");
        assertThat(change.path("after_unknown").has("display_name")).isFalse();
        assertThat(change.path("after_sensitive").path("admin_password").asBoolean())
                .isTrue();
        assertThat(change.path("after_sensitive").path("subnet").toString()).isEqualTo("[{\"dhcp_ranges\":[]}]");
        assertThat(rc.has("index")).isFalse();
        assertThat(rc.has("module_address")).isFalse();
        assertThat(rc.has("action_reason")).isFalse();
        assertThat(rc.path("provider_name").asText()).isEqualTo("registry.terraform.io/netform/nsxt");
    }

    @Test
    void replaceCarriesItsReasonPathsAndModule() {
        JsonNode plan = encode(PlanFixtures.plan(List.of(replace())));
        JsonNode rc = changeOf(plan, "module.cluster[\"dev\"].nsxt_policy_segment.db[1]");
        assertThat(rc.path("change").path("actions").toString()).isEqualTo("[\"delete\",\"create\"]");
        assertThat(rc.path("change").path("replace_paths").toString()).isEqualTo("[[\"transport_zone_path\"]]");
        assertThat(rc.path("action_reason").asText()).isEqualTo("replace_because_cannot_update");
        assertThat(rc.path("module_address").asText()).isEqualTo("module.cluster[\"dev\"]");
        assertThat(rc.path("index").asInt()).isEqualTo(1);
        JsonNode child = plan.path("planned_values")
                .path("root_module")
                .path("child_modules")
                .get(0);
        assertThat(child.path("address").asText()).isEqualTo("module.cluster[\"dev\"]");
        assertThat(child.path("resources").get(0).path("schema_version").asInt())
                .isEqualTo(2);
        assertThat(child.path("resources")
                        .get(0)
                        .path("values")
                        .path("transport_zone_path")
                        .asText())
                .isEqualTo("/tz/vlan");
    }

    @Test
    void deletedObjectsAreNotInThePlannedValuesButReadsAre() {
        JsonNode plan = encode(PlanFixtures.plan(List.of(delete(), read())));
        JsonNode resources = plan.path("planned_values").path("root_module").path("resources");
        assertThat(resources).hasSize(1);
        assertThat(resources.get(0).path("address").asText()).isEqualTo("data.nsxt_policy_tier0_gateway.t0");
        assertThat(resources.get(0).path("mode").asText()).isEqualTo("data");
        JsonNode delete = changeOf(plan, "nsxt_policy_segment.old").path("change");
        assertThat(delete.path("after").isNull()).isTrue();
        assertThat(delete.path("after_unknown").asBoolean(true)).isFalse();
        assertThat(delete.path("before_sensitive").path("admin_password").asBoolean())
                .isTrue();
        assertThat(changeOf(plan, "data.nsxt_policy_tier0_gateway.t0")
                        .path("action_reason")
                        .asText())
                .isEqualTo("read_because_config_unknown");
        assertThat(plan.path("applyable").asBoolean()).isTrue();
        assertThat(plan.path("errored").asBoolean()).isFalse();
    }

    @Test
    void aDataSourceReadDuringApplyIsAnObjectOfUnknownAttributes() {
        ResourceChange later = change(
                "data.nsxt_policy_tier0_gateway.t0",
                Action.READ,
                ActionReason.READ_BECAUSE_DEPENDENCY_PENDING,
                TIER0,
                nullOf(TIER0),
                Value.unknown(TIER0.impliedType()));
        JsonNode plan = encode(PlanFixtures.plan(List.of(later)));
        JsonNode change = changeOf(plan, "data.nsxt_policy_tier0_gateway.t0").path("change");
        assertThat(change.path("before").isNull()).isTrue();
        assertThat(change.path("after").toString()).isEqualTo("{}");
        assertThat(change.path("after_unknown").toString())
                .isEqualTo("{\"display_name\":true,\"id\":true,\"path\":true}");
        assertThat(change.path("after_sensitive").toString()).isEqualTo("{}");
        JsonNode planned = plan.path("planned_values")
                .path("root_module")
                .path("resources")
                .get(0);
        assertThat(planned.path("values").toString()).isEqualTo("{}");
        assertThat(planned.path("sensitive_values").toString()).isEqualTo("{}");
    }

    @Test
    void aSavedPlanMadeWithTargetsIsNotComplete() {
        SavedPlan targeted = PlanFixtures.savedPlan();
        SavedPlan whole = new SavedPlan(
                targeted.plan(),
                List.of(),
                targeted.configuration(),
                targeted.lockFile(),
                targeted.netformVersion(),
                targeted.timestamp());
        JsonNode partial = PlanJson.encode(targeted, PlanFixtures.configuration(), Map.of(PlanFixtures.NSXT, SCHEMA));
        PlanJsonStructure.check(partial);
        assertThat(partial.path("complete").asBoolean()).isFalse();
        assertThat(partial.path("applyable").asBoolean()).isTrue();
        assertThat(PlanJson.encode(whole, PlanFixtures.configuration(), Map.of(PlanFixtures.NSXT, SCHEMA))
                        .path("complete")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void outputChangesAndPlannedOutputsCarryTheirSensitivity() {
        Plan plan = PlanFixtures.plan(
                List.of(),
                new OutputChange("path", Action.CREATE, Value.nullOf(Type.DYNAMIC), unknownString(), false),
                new OutputChange("password", Action.UPDATE, secret("a"), secret("b"), true),
                new OutputChange("gone", Action.DELETE, s("x"), Value.nullOf(Type.DYNAMIC), false));
        JsonNode json = encode(plan);
        JsonNode outputs = json.path("output_changes");
        assertThat(outputs.path("path").path("after_unknown").asBoolean()).isTrue();
        assertThat(outputs.path("password").path("after_sensitive").asBoolean()).isTrue();
        assertThat(outputs.path("password").path("before_sensitive").asBoolean())
                .isTrue();
        assertThat(outputs.path("gone").path("actions").toString()).isEqualTo("[\"delete\"]");
        JsonNode planned = json.path("planned_values").path("outputs");
        assertThat(planned.has("gone")).isFalse();
        assertThat(planned.path("path").has("value")).isFalse();
        assertThat(planned.path("password").path("sensitive").asBoolean()).isTrue();
        assertThat(planned.path("password").path("type").asText()).isEqualTo("string");
    }

    @Test
    void aPlanWithoutChangesIsNotApplyable() {
        ResourceChange same = change(
                "nsxt_policy_segment.web",
                Action.NO_OP,
                ActionReason.NONE,
                SEGMENT,
                object(SEGMENT, "id", s("seg-web")),
                object(SEGMENT, "id", s("seg-web")));
        JsonNode json = encode(PlanFixtures.plan(List.of(same)));
        assertThat(json.path("applyable").asBoolean()).isFalse();
        assertThat(changeOf(json, "nsxt_policy_segment.web")
                        .path("change")
                        .path("actions")
                        .toString())
                .isEqualTo("[\"no-op\"]");
        assertThat(json.path("planned_values").path("root_module").path("resources"))
                .hasSize(1);
    }

    @Test
    void driftIsListedAsResourceDrift() {
        ResourceChange drift = change(
                "nsxt_policy_segment.web",
                Action.UPDATE,
                ActionReason.NONE,
                SEGMENT,
                object(SEGMENT, "id", s("seg-web"), "mtu", Value.number(1500)),
                object(SEGMENT, "id", s("seg-web"), "mtu", Value.number(1400)));
        JsonNode json = encode(PlanFixtures.plan(Plan.Mode.NORMAL, List.of(), List.of(drift)));
        assertThat(json.path("resource_drift")
                        .get(0)
                        .path("change")
                        .path("after")
                        .path("mtu")
                        .asInt())
                .isEqualTo(1400);
    }

    @Test
    void matchesTheGoldenDocument() throws IOException {
        ResourceChange drift = change(
                "nsxt_policy_segment.web",
                Action.UPDATE,
                ActionReason.NONE,
                SEGMENT,
                object(SEGMENT, "id", s("seg-web"), "display_name", s("web"), "mtu", Value.number(1500)),
                object(SEGMENT, "id", s("seg-web"), "display_name", s("web"), "mtu", Value.number(1400)));
        Plan plan = PlanFixtures.plan(
                Plan.Mode.NORMAL,
                StateFixtures.state(),
                List.of(create(), replace(), delete(), read()),
                List.of(drift),
                new OutputChange("segment_path", Action.UPDATE, s("/infra/segments/seg-web"), unknownString(), false),
                new OutputChange("password", Action.NO_OP, secret("a"), secret("a"), true));
        JsonNode json = encode(plan);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String text = mapper.writeValueAsString(json) + "\n";
        if (Boolean.getBoolean("netform.golden.update")) {
            Files.writeString(Path.of("src/test/resources/render/plan.json"), text, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = PlanJsonTest.class.getResourceAsStream("/render/plan.json")) {
            assertThat(in).as("golden file render/plan.json").isNotNull();
            assertThat(text).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
