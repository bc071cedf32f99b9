package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.dist.PlanJsonContract.Outcome;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The plan JSON checker on small hand-written documents: a sound plan passes, broken ones fail saying where. */
class PlanJsonContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A plan that creates web (id unknown, secret sensitive), updates db's list and deletes old, with prior state. */
    private static final String SOUND = """
            {
              "format_version": "1.2",
              "terraform_version": "0.1.0",
              "variables": {"password": {"value": "pw"}},
              "planned_values": {
                "outputs": {"web_id": {"sensitive": false}, "pw": {"sensitive": true, "type": "string", "value": "pw"}},
                "root_module": {
                  "resources": [
                    {"address": "testing_object.web[0]", "mode": "managed", "type": "testing_object", "name": "web",
                     "index": 0, "provider_name": "registry.terraform.io/netform/testing", "schema_version": 0,
                     "values": {"name": "web", "secret": "pw", "ports": [80, null]},
                     "sensitive_values": {"secret": true, "ports": [false, false]}}
                  ],
                  "child_modules": [
                    {"address": "module.db", "resources": [
                      {"address": "module.db.testing_object.db", "mode": "managed", "type": "testing_object",
                       "name": "db", "provider_name": "registry.terraform.io/netform/testing", "schema_version": 0,
                       "values": {"id": "d1", "name": "db", "tags": ["a", "b"]},
                       "sensitive_values": {"tags": [false, true]}}
                    ]}
                  ]
                }
              },
              "resource_changes": [
                {"address": "testing_object.web[0]", "mode": "managed", "type": "testing_object", "name": "web",
                 "index": 0, "provider_name": "registry.terraform.io/netform/testing",
                 "change": {"actions": ["create"], "before": null,
                   "after": {"name": "web", "secret": "pw", "ports": [80, null]},
                   "after_unknown": {"id": true, "ports": [false, true]},
                   "before_sensitive": false, "after_sensitive": {"secret": true, "ports": [false, false]}}},
                {"address": "module.db.testing_object.db", "module_address": "module.db", "mode": "managed",
                 "type": "testing_object", "name": "db", "provider_name": "registry.terraform.io/netform/testing",
                 "change": {"actions": ["update"], "before": {"id": "d1", "name": "db", "tags": ["a"]},
                   "after": {"id": "d1", "name": "db", "tags": ["a", "b"]}, "after_unknown": {"tags": [false, false]},
                   "before_sensitive": {"tags": [false]}, "after_sensitive": {"tags": [false, true]}}},
                {"address": "testing_object.old", "mode": "managed", "type": "testing_object", "name": "old",
                 "provider_name": "registry.terraform.io/netform/testing",
                 "action_reason": "delete_because_no_resource_config",
                 "change": {"actions": ["delete"], "before": {"id": "o1", "name": "old"}, "after": null,
                   "after_unknown": false, "before_sensitive": {}, "after_sensitive": false}}
              ],
              "output_changes": {
                "web_id": {"actions": ["create"], "before": null, "after": null, "after_unknown": true,
                  "before_sensitive": false, "after_sensitive": false},
                "pw": {"actions": ["no-op"], "before": "pw", "after": "pw", "after_unknown": false,
                  "before_sensitive": true, "after_sensitive": true}
              },
              "prior_state": {"format_version": "1.0", "terraform_version": "0.1.0", "values": {"root_module": {
                "resources": [{"address": "testing_object.old", "mode": "managed", "type": "testing_object",
                  "name": "old", "provider_name": "registry.terraform.io/netform/testing", "schema_version": 0,
                  "values": {"id": "o1", "name": "old"}, "sensitive_values": {}}]}}},
              "configuration": {"provider_config": {}, "root_module": {
                "resources": [{"address": "testing_object.web", "mode": "managed", "type": "testing_object",
                  "name": "web", "provider_config_key": "testing", "expressions": {}}],
                "module_calls": {"db": {"source": "./db", "module": {"resources": [
                  {"address": "testing_object.db", "mode": "managed", "type": "testing_object", "name": "db",
                   "provider_config_key": "db:testing", "expressions": {}}]}}}}},
              "relevant_attributes": [],
              "timestamp": "2026-11-26T21:00:00Z",
              "applyable": true,
              "complete": true,
              "errored": false
            }
            """;

    @Test
    void aSoundPlanHolds() throws Exception {
        assertThat(PlanJsonContract.violations(JSON.readTree(SOUND), Outcome.COMPLETE))
                .isEmpty();
        PlanJsonContract.assertHolds(JSON.readTree(SOUND), Outcome.COMPLETE);
    }

    @Test
    void anUnknownMirrorThatDisagreesWithAfterNamesThePlace() throws Exception {
        assertThat(broken(p -> change(p, 0).with("after_unknown").put("name", true)))
                .containsExactly("resource_changes[0] (testing_object.web[0]).change.after_unknown.name: true "
                        + "(unknown), but the value is known: \"web\"");
        assertThat(broken(p ->
                        change(p, 0).with("after_unknown").putArray("ports").add(false)))
                .containsExactly("resource_changes[0] (testing_object.web[0]).change.after_unknown.ports: an array "
                        + "of 1, but the value is [80,null]");
        assertThat(broken(p -> change(p, 1).with("after").remove("name")))
                .contains("resource_changes[1] (module.db.testing_object.db).change.after: leaves out name, which "
                        + "after_unknown does not mark unknown");
    }

    @Test
    void aSensitivityMirrorShapedUnlikeItsValueIsReported() throws Exception {
        assertThat(broken(p -> ((ArrayNode) change(p, 1).with("after_sensitive").get("tags")).remove(1)))
                .contains("resource_changes[1] (module.db.testing_object.db).change.after_sensitive.tags: an array "
                        + "of 1, but the value has 2");
        assertThat(broken(p -> change(p, 2).with("before_sensitive").put("password", true)))
                .containsExactly("resource_changes[2] (testing_object.old).change.before_sensitive.password: true for"
                        + " a value that is neither present nor unknown");
        assertThat(broken(p -> change(p, 2).with("before_sensitive").put("name", "yes")))
                .containsExactly("resource_changes[2] (testing_object.old).change.before_sensitive.name: \"yes\" is"
                        + " neither a boolean, an object nor an array");
    }

    @Test
    void actionsAndTheValuesTheyAllowAreChecked() throws Exception {
        assertThat(broken(p -> change(p, 2).putArray("actions").add("destroy")))
                .containsExactly(
                        "resource_changes[2] (testing_object.old).change.actions: [\"destroy\"] is not one "
                                + "of Terraform's action lists",
                        "planned_values: leaves out testing_object.old, which the plan" + " keeps (actions [destroy])");
        assertThat(broken(
                        p -> change(p, 0).set("before", JSON.createObjectNode().put("name", "web"))))
                .contains("resource_changes[0] (testing_object.web[0]).change.before: must be null for a create, is "
                        + "{\"name\":\"web\"}");
        assertThat(broken(p ->
                        ((ObjectNode) p.path("resource_changes").get(2)).put("action_reason", "replace_by_request")))
                .containsExactly("resource_changes[2] (testing_object.old).action_reason: replace_by_request does "
                        + "not fit the actions [delete]");
        assertThat(broken(p -> ((ObjectNode) p.path("resource_changes").get(1)).put("module_address", "module.x")))
                .containsExactly("resource_changes[1] (module.db.testing_object.db).address: the other fields make "
                        + "it module.x.testing_object.db");
    }

    @Test
    void plannedValuesMustListWhatThePlanKeepsWithItsAfterValues() throws Exception {
        assertThat(broken(p -> ((ArrayNode)
                                p.path("planned_values").path("root_module").path("resources"))
                        .remove(0)))
                .containsExactly("planned_values: leaves out testing_object.web[0], which the plan keeps (actions "
                        + "[create])");
        assertThat(broken(p -> ((ObjectNode) p.path("planned_values")
                                .path("root_module")
                                .path("child_modules")
                                .get(0)
                                .path("resources")
                                .get(0))
                        .with("values")
                        .put("name", "other")))
                .containsExactly("planned_values resource module.db.testing_object.db.values: differ from the "
                        + "change's after");
        assertThat(broken(p -> ((ObjectNode) p.path("planned_values").path("outputs")).remove("pw")))
                .containsExactly("planned_values.outputs: leaves out pw, which output_changes.pw keeps");
    }

    @Test
    void aCompletePlanHasAChangeForEveryObjectOfThePriorStateAndItsConfigurationNamesItsResources() throws Exception {
        assertThat(broken(p -> ((ArrayNode) p.path("resource_changes")).remove(2)))
                .containsExactly("resource_changes: no change for testing_object.old, which prior_state holds");
        assertThat(broken(p -> ((ObjectNode) p.path("configuration")
                                .path("root_module")
                                .path("module_calls")
                                .path("db")
                                .path("module")
                                .path("resources")
                                .get(0))
                        .remove("mode")))
                .containsExactly("configuration.root_module.module_calls.db.module.resources[0].mode: missing or "
                        + "not a string");
    }

    @Test
    void theFlagsMustAgreeWithTheOutcomeAndTheChanges() throws Exception {
        assertThat(broken(p -> p.put("applyable", false)))
                .containsExactly("applyable: false for a plan that changes something");
        assertThat(PlanJsonContract.violations(JSON.readTree(SOUND), Outcome.TARGETED))
                .containsExactly("complete: true for a plan made with -target");
        assertThat(PlanJsonContract.violations(JSON.readTree(SOUND), Outcome.ERRORED))
                .containsExactly(
                        "errored: false for a plan that failed",
                        "complete: true for a plan that failed",
                        "applyable: true for a plan that failed");
        assertThat(broken(p -> p.remove("timestamp"))).containsExactly("timestamp: null is not an RFC 3339 time");
        assertThat(broken(p -> p.with("prior_state").put("format_version", "0.1")))
                .containsExactly("prior_state.format_version: \"0.1\", not \"1.0\"");
    }

    @Test
    void aFailureListsEveryProblem() throws Exception {
        ObjectNode plan = (ObjectNode) JSON.readTree(SOUND);
        plan.put("errored", true);
        plan.remove("resource_changes");
        assertThatThrownBy(() -> PlanJsonContract.assertHolds(plan, Outcome.COMPLETE))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("The plan JSON breaks Terraform's documented structure:\n  - ")
                .hasMessageContaining("resource_changes: missing or not an array")
                .hasMessageContaining("errored: true for a plan that succeeded");
    }

    private static java.util.List<String> broken(Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode plan = (ObjectNode) JSON.readTree(SOUND);
        breakIt.accept(plan);
        return PlanJsonContract.violations(plan, Outcome.COMPLETE);
    }

    private static ObjectNode change(JsonNode plan, int index) {
        return (ObjectNode) plan.path("resource_changes").get(index).path("change");
    }
}
