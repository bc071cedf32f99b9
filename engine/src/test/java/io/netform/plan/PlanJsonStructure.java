package io.netform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Checks a plan JSON document against the documented structure of format 1.2: the required keys,
 * the allowed {@code actions} lists, and mirrors ({@code after_unknown}, {@code *_sensitive}) whose
 * shape fits the values they describe. For any test that produces a plan JSON.
 */
public final class PlanJsonStructure {

    private static final List<List<String>> ACTIONS = List.of(
            List.of("no-op"),
            List.of("create"),
            List.of("read"),
            List.of("update"),
            List.of("delete", "create"),
            List.of("create", "delete"),
            List.of("delete"),
            List.of("forget"),
            List.of("create", "forget"));

    private PlanJsonStructure() {}

    public static void check(JsonNode plan) {
        assertThat(plan.path("format_version").asText()).isEqualTo("1.2");
        assertThat(plan.path("terraform_version").isTextual())
                .as("terraform_version")
                .isTrue();
        assertThat(plan.path("variables").isObject()).as("variables").isTrue();
        plan.path("variables")
                .forEach(v -> assertThat(v.has("value")).as("variable value").isTrue());
        assertThat(plan.path("planned_values").path("root_module").isObject())
                .as("planned_values.root_module")
                .isTrue();
        checkModule(plan.path("planned_values").path("root_module"), true);
        assertThat(plan.path("resource_changes").isArray())
                .as("resource_changes")
                .isTrue();
        plan.path("resource_changes").forEach(PlanJsonStructure::checkResourceChange);
        plan.path("resource_drift").forEach(PlanJsonStructure::checkResourceChange);
        assertThat(plan.path("output_changes").isObject()).as("output_changes").isTrue();
        plan.path("output_changes").forEach(PlanJsonStructure::checkChange);
        if (plan.has("prior_state")) {
            assertThat(plan.path("prior_state").path("format_version").asText()).isEqualTo("1.0");
            if (plan.path("prior_state").has("values")) {
                checkModule(plan.path("prior_state").path("values").path("root_module"), true);
            }
        }
        assertThat(plan.path("configuration").isObject()).as("configuration").isTrue();
        assertThat(plan.path("relevant_attributes").isArray())
                .as("relevant_attributes")
                .isTrue();
        assertThat(plan.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        for (String flag : List.of("applyable", "complete", "errored")) {
            assertThat(plan.path(flag).isBoolean()).as(flag).isTrue();
        }
    }

    private static void checkModule(JsonNode module, boolean isRoot) {
        assertThat(module.has("address"))
                .as("only child modules have an address")
                .isEqualTo(!isRoot);
        for (JsonNode r : module.path("resources")) {
            for (String key : List.of(
                    "address",
                    "mode",
                    "type",
                    "name",
                    "provider_name",
                    "schema_version",
                    "values",
                    "sensitive_values")) {
                assertThat(r.has(key)).as(r.path("address") + " has " + key).isTrue();
            }
            checkSensitiveMirror(
                    r.path("sensitive_values"),
                    r.path("values"),
                    r.path("address").asText());
        }
        module.path("child_modules").forEach(child -> checkModule(child, false));
    }

    private static void checkResourceChange(JsonNode rc) {
        for (String key : List.of("address", "mode", "type", "name", "provider_name", "change")) {
            assertThat(rc.has(key)).as(rc.path("address") + " has " + key).isTrue();
        }
        assertThat(rc.path("mode").asText()).isIn("managed", "data");
        checkChange(rc.path("change"));
    }

    private static void checkChange(JsonNode change) {
        for (String key :
                List.of("actions", "before", "after", "after_unknown", "before_sensitive", "after_sensitive")) {
            assertThat(change.has(key)).as("change has " + key).isTrue();
        }
        List<String> actions = new java.util.ArrayList<>();
        change.path("actions").forEach(a -> actions.add(a.asText()));
        assertThat(ACTIONS).as("actions " + actions).contains(actions);
        checkUnknownMirror(change.path("after_unknown"), change.path("after"), "after");
        checkSensitiveMirror(change.path("before_sensitive"), change.path("before"), "before");
        checkSensitiveMirror(change.path("after_sensitive"), change.path("after"), "after");
    }

    /** An unknown mirror fits its value: where it says true the value is left out (or null in a sequence). */
    static void checkUnknownMirror(JsonNode mirror, JsonNode value, String where) {
        if (mirror.isBoolean()) {
            if (mirror.asBoolean()) {
                assertThat(value.isMissingNode() || value.isNull())
                        .as(where + " is unknown, so it is left out")
                        .isTrue();
            }
            return;
        }
        walk(mirror, value, where, PlanJsonStructure::checkUnknownMirror);
    }

    /** A sensitive mirror fits its value: objects for objects, sequences of the same length for sequences. */
    static void checkSensitiveMirror(JsonNode mirror, JsonNode value, String where) {
        if (mirror.isBoolean()) {
            return;
        }
        if (value.isMissingNode() || value.isNull()) {
            // An unknown value: its mirror can only be empty.
            assertThat(mirror.size())
                    .as(where + " is not known, so its mirror is empty")
                    .isZero();
            return;
        }
        walk(mirror, value, where, PlanJsonStructure::checkSensitiveMirror);
    }

    private interface Check {
        void check(JsonNode mirror, JsonNode value, String where);
    }

    private static void walk(JsonNode mirror, JsonNode value, String where, Check check) {
        if (mirror.isObject()) {
            assertThat(value.isObject())
                    .as(where + " is an object like its mirror")
                    .isTrue();
            for (Map.Entry<String, JsonNode> f : mirror.properties()) {
                check.check(f.getValue(), value.path(f.getKey()), where + "." + f.getKey());
            }
        } else {
            assertThat(mirror.isArray())
                    .as(where + " mirror is true, false, an object or an array")
                    .isTrue();
            assertThat(value.isArray())
                    .as(where + " is a sequence like its mirror")
                    .isTrue();
            assertThat(value.size())
                    .as(where + " has as many elements as its mirror")
                    .isEqualTo(mirror.size());
            for (int i = 0; i < mirror.size(); i++) {
                check.check(mirror.get(i), value.get(i), where + "[" + i + "]");
            }
        }
    }
}
