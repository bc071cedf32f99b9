package io.netform.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.plan.PlanFixtures;
import io.netform.plan.StateFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateJsonTest {

    private static JsonNode encode(State state) {
        return StateJson.encode(state, Map.of(PlanFixtures.NSXT, PlanFixtures.SCHEMA));
    }

    @Test
    void writesResourcesWithAddressesValuesAndSensitiveMirrors() {
        JsonNode json = encode(StateFixtures.state());
        assertThat(json.path("format_version").asText()).isEqualTo("1.0");
        assertThat(json.path("terraform_version").asText()).isEqualTo("0.1.0");
        JsonNode resources = json.path("values").path("root_module").path("resources");
        assertThat(resources).hasSize(2);
        JsonNode web = resources.get(0);
        assertThat(web.path("address").asText()).isEqualTo("nsxt_policy_segment.web");
        assertThat(web.path("provider_name").asText()).isEqualTo("registry.terraform.io/netform/nsxt");
        assertThat(web.path("schema_version").asInt()).isEqualTo(2);
        assertThat(web.path("values").path("mtu").asInt()).isEqualTo(1500);
        assertThat(web.path("values").has("description"))
                .as("null attributes are written as null")
                .isTrue();
        assertThat(web.path("sensitive_values").toString())
                .isEqualTo("{\"admin_password\":true,"
                        + "\"labels\":{\"token\":true},\"subnet\":[{\"dhcp_ranges\":[]}],\"vlan_ids\":[false,false]}");
        assertThat(web.path("depends_on").toString()).isEqualTo("[\"nsxt_policy_tier1_gateway.t1\"]");
        assertThat(web.has("tainted")).isFalse();
        assertThat(web.has("index")).isFalse();
        assertThat(resources.get(1).path("deposed_key").asText()).isEqualTo("0a1b2c3d");
    }

    @Test
    void nestsModulesAndKeepsKeysAndTaint() {
        JsonNode child = encode(StateFixtures.state())
                .path("values")
                .path("root_module")
                .path("child_modules")
                .get(0);
        assertThat(child.path("address").asText()).isEqualTo("module.cluster[\"dev\"]");
        JsonNode ns = child.path("resources").get(0);
        assertThat(ns.path("address").asText()).isEqualTo("module.cluster[\"dev\"].nsxt_policy_segment.ns[0]");
        assertThat(ns.path("index").asInt()).isEqualTo(0);
        assertThat(ns.path("tainted").asBoolean()).isTrue();
    }

    @Test
    void writesOutputsWithTheirTypeAndSensitivity() {
        JsonNode outputs = encode(StateFixtures.state()).path("values").path("outputs");
        assertThat(outputs.path("password").path("sensitive").asBoolean()).isTrue();
        assertThat(outputs.path("segment_path").path("value").asText()).isEqualTo("/infra/segments/seg-web");
        assertThat(outputs.path("segment_path").path("type").asText()).isEqualTo("string");
    }

    @Test
    void anEmptyStateHasNoValues() {
        JsonNode json = encode(State.empty("0.1.0"));
        assertThat(json.has("values")).isFalse();
        assertThat(json.path("format_version").asText()).isEqualTo("1.0");
    }

    @Test
    void readsAttributesWithTheirOwnShapeWhenTheSchemaIsMissing() {
        JsonNode web = StateJson.encode(StateFixtures.state(), Map.of())
                .path("values")
                .path("root_module")
                .path("resources")
                .get(0);
        assertThat(web.path("values").path("labels").path("env").asText()).isEqualTo("dev");
        assertThat(web.path("sensitive_values").path("admin_password").asBoolean())
                .isTrue();
    }
}
