package io.netform.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's documented plan JSON ({@code show -json PLANFILE}, format 1.2), checked on a whole
 * document: the required top-level keys and their types, every resource change and drift entry
 * ({@link ResourceChangeContract}), {@code planned_values} agreeing with the changes, the output
 * changes, the prior state, and {@code applyable}/{@code complete}/{@code errored} agreeing with
 * how planning ended and what the plan changes.
 */
final class PlanJsonContract {

    /** How planning ended, which decides {@code errored} and {@code complete}. */
    enum Outcome {
        /** Planned the whole configuration without errors. */
        COMPLETE,
        /** Planned without errors, but only the part {@code -target} selected. */
        TARGETED,
        /** Planning stopped on an error; the plan was saved for inspection only. */
        ERRORED
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<List<String>> OUTPUT_ACTIONS =
            Set.of(List.of("no-op"), List.of("create"), List.of("update"), List.of("delete"));

    private final JsonNode plan;
    private final List<String> problems = new ArrayList<>();
    private final ResourceChangeContract changes = new ResourceChangeContract(problems);
    private final ValueMirrors mirrors = new ValueMirrors(problems);

    private PlanJsonContract(JsonNode plan) {
        this.plan = plan;
    }

    /** Runs {@code show -json planFile} in the workspace and checks the plan, made without errors or targets. */
    static JsonNode show(Workspace w, String planFile) throws IOException, InterruptedException {
        return show(w, planFile, Outcome.COMPLETE);
    }

    /** Runs {@code show -json planFile} and checks the plan, whose planning ended as {@code outcome}. */
    static JsonNode show(Workspace w, String planFile, Outcome outcome) throws IOException, InterruptedException {
        JsonNode plan = JSON.readTree(w.ok("show", "-json", planFile).out());
        assertHolds(plan, outcome);
        return plan;
    }

    /** Fails with every problem found, each naming its place in the document. */
    static void assertHolds(JsonNode plan, Outcome outcome) {
        List<String> found = violations(plan, outcome);
        if (!found.isEmpty()) {
            throw new AssertionError(
                    "The plan JSON breaks Terraform's documented structure:\n  - " + String.join("\n  - ", found));
        }
    }

    /** Every problem found in {@code plan}, each naming its place in the document; empty when it holds. */
    static List<String> violations(JsonNode plan, Outcome outcome) {
        PlanJsonContract contract = new PlanJsonContract(plan);
        if (!plan.isObject()) {
            return List.of("the document is not a JSON object");
        }
        contract.topLevel();
        Map<String, JsonNode> current = contract.resourceChanges();
        contract.plannedResources(current);
        contract.outputs();
        Map<String, JsonNode> prior = contract.priorState();
        if (outcome == Outcome.COMPLETE) {
            contract.everyManagedObjectPlanned(prior);
        }
        contract.flags(outcome);
        return List.copyOf(contract.problems);
    }

    private void topLevel() {
        if (!plan.path("format_version").asText().equals("1.2")) {
            problems.add("format_version: " + plan.get("format_version") + ", not \"1.2\"");
        }
        if (plan.path("terraform_version").asText().isEmpty()) {
            problems.add("terraform_version: missing or empty");
        }
        kind("variables", plan.get("variables"), true);
        plan.path("variables").properties().forEach(v -> {
            if (!v.getValue().has("value")) {
                problems.add("variables." + v.getKey() + ": has no value");
            }
        });
        kind("planned_values", plan.get("planned_values"), true);
        kind("resource_changes", plan.get("resource_changes"), false);
        kind("output_changes", plan.get("output_changes"), true);
        kind("configuration", plan.get("configuration"), true);
        configuredModule("configuration.root_module", plan.path("configuration").get("root_module"));
        for (String optional : List.of("resource_drift", "relevant_attributes", "checks")) {
            if (plan.has(optional)) {
                kind(optional, plan.get(optional), false);
            }
        }
        int i = 0;
        for (JsonNode attribute : plan.path("relevant_attributes")) {
            if (!attribute.path("resource").isTextual()
                    || !attribute.path("attribute").isArray()) {
                problems.add("relevant_attributes[" + i + "]: needs a resource address and an attribute path");
            }
            i++;
        }
        try {
            OffsetDateTime.parse(plan.path("timestamp").asText());
        } catch (DateTimeParseException e) {
            problems.add("timestamp: " + plan.get("timestamp") + " is not an RFC 3339 time");
        }
        for (String flag : List.of("applyable", "complete", "errored")) {
            if (!plan.path(flag).isBoolean()) {
                problems.add(flag + ": " + plan.get(flag) + " is not a boolean");
            }
        }
    }

    /** Checks every change and drift entry; returns the changes of current objects by address. */
    private Map<String, JsonNode> resourceChanges() {
        for (int i = 0; i < plan.path("resource_drift").size(); i++) {
            changes.check(
                    "resource_drift[" + i + "]", plan.path("resource_drift").get(i));
        }
        Map<String, JsonNode> current = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < plan.path("resource_changes").size(); i++) {
            JsonNode rc = plan.path("resource_changes").get(i);
            changes.check("resource_changes[" + i + "]", rc);
            String address = rc.path("address").asText();
            if (!seen.add(address + " " + rc.path("deposed").asText(""))) {
                problems.add("resource_changes[" + i + "] (" + address + "): a second change of the same object");
            }
            if (!rc.has("deposed")) {
                current.put(address, rc);
            }
        }
        return current;
    }

    /** planned_values lists every object the plan keeps or creates, with the values of its change's {@code after}. */
    private void plannedResources(Map<String, JsonNode> current) {
        Map<String, JsonNode> planned = new LinkedHashMap<>();
        modules("planned_values.root_module", plan.path("planned_values").path("root_module"), "", planned);
        for (Map.Entry<String, JsonNode> entry : planned.entrySet()) {
            String at = "planned_values resource " + entry.getKey();
            JsonNode resource = entry.getValue();
            JsonNode rc = current.get(entry.getKey());
            List<String> actions = rc == null ? List.of() : actionsOf(rc);
            if (rc == null || actions.equals(List.of("delete"))) {
                problems.add(
                        at + ": listed, but resource_changes " + (rc == null ? "has no change for it" : "deletes it"));
                continue;
            }
            for (String field : List.of("mode", "type", "name", "provider_name", "index")) {
                if (!resource.path(field).equals(rc.path(field))) {
                    problems.add(at + "." + field + ": " + resource.get(field) + ", the change says " + rc.get(field));
                }
            }
            if (!resource.path("schema_version").canConvertToLong()
                    || resource.path("schema_version").asLong() < 0) {
                problems.add(at + ".schema_version: " + resource.get("schema_version") + " is not a version");
            }
            JsonNode after = rc.path("change").path("after");
            if (!resource.path("values").equals(after) && !(after.isNull() && !resource.has("values"))) {
                problems.add(at + ".values: differ from the change's after");
            }
            JsonNode afterSensitive = rc.path("change").path("after_sensitive");
            if (after.isObject() && !resource.path("sensitive_values").equals(afterSensitive)) {
                problems.add(at + ".sensitive_values: differ from the change's after_sensitive");
            }
        }
        current.forEach((address, rc) -> {
            List<String> actions = actionsOf(rc);
            boolean gone = actions.equals(List.of("delete")) || actions.equals(List.of("forget"));
            if (!planned.containsKey(address) && !gone) {
                problems.add(
                        "planned_values: leaves out " + address + ", which the plan keeps (actions " + actions + ")");
            }
        });
    }

    /** Collects the resources of a module tree by address, checking each sits in the module its address names. */
    private void modules(String at, JsonNode module, String address, Map<String, JsonNode> into) {
        if (!module.isObject()) {
            problems.add(at + ": missing or not an object");
            return;
        }
        String prefix = address.isEmpty() ? "" : address + ".";
        int i = 0;
        for (JsonNode resource : module.path("resources")) {
            String resourceAddress = resource.path("address").asText();
            String rest = resourceAddress.startsWith(prefix) ? resourceAddress.substring(prefix.length()) : "module.";
            if (rest.startsWith("module.")) {
                problems.add(at + ".resources[" + i + "]: " + resourceAddress + " is not a resource of "
                        + (address.isEmpty() ? "the root module" : address));
            }
            if (into.put(resourceAddress, resource) != null) {
                problems.add(at + ".resources[" + i + "]: " + resourceAddress + " is listed twice");
            }
            i++;
        }
        i = 0;
        for (JsonNode child : module.path("child_modules")) {
            String childAddress = child.path("address").asText();
            if (!childAddress.startsWith(prefix + "module.")) {
                problems.add(at + ".child_modules[" + i + "].address: " + child.get("address")
                        + " is not a module call of " + (address.isEmpty() ? "the root module" : address));
            }
            modules(at + ".child_modules[" + i + "]", child, childAddress, into);
            i++;
        }
    }

    /** A module of the configuration: its resources name themselves, and each module call holds a module. */
    private void configuredModule(String at, JsonNode module) {
        kind(at, module, true);
        if (module == null) {
            return;
        }
        int i = 0;
        for (JsonNode resource : module.path("resources")) {
            for (String field : List.of("address", "mode", "type", "name")) {
                if (!resource.path(field).isTextual()) {
                    problems.add(at + ".resources[" + i + "]." + field + ": missing or not a string");
                }
            }
            if (resource.has("expressions")) {
                kind(at + ".resources[" + i + "].expressions", resource.get("expressions"), true);
            }
            i++;
        }
        module.path("module_calls")
                .properties()
                .forEach(call -> configuredModule(
                        at + ".module_calls." + call.getKey() + ".module",
                        call.getValue().get("module")));
    }

    /** Each output change, and planned_values.outputs agreeing with the output changes. */
    private void outputs() {
        plan.path("output_changes").properties().forEach(entry -> {
            String at = "output_changes." + entry.getKey();
            JsonNode change = entry.getValue();
            List<String> actions = changes.actions(at + ".actions", change.get("actions"));
            if (actions != null && !OUTPUT_ACTIONS.contains(actions)) {
                problems.add(at + ".actions: " + actions + " is not an action on an output");
            }
            if (List.of("create").equals(actions) && !change.path("before").isNull()) {
                problems.add(at + ".before: must be null for a create, is " + change.get("before"));
            }
            if (List.of("delete").equals(actions) && !change.path("after").isNull()) {
                problems.add(at + ".after: must be null for a delete, is " + change.get("after"));
            }
            mirrors.changeMirrors(at, change);
            plannedOutput(at, entry.getKey(), change, actions);
        });
        plan.path("planned_values").path("outputs").properties().forEach(entry -> {
            JsonNode change = plan.path("output_changes").get(entry.getKey());
            if (change == null) {
                problems.add("planned_values.outputs." + entry.getKey() + ": listed, but output_changes has no change");
            }
        });
    }

    private void plannedOutput(String at, String name, JsonNode change, List<String> actions) {
        JsonNode planned = plan.path("planned_values").path("outputs").get(name);
        if (List.of("delete").equals(actions)) {
            if (planned != null) {
                problems.add("planned_values.outputs." + name + ": listed, but " + at + " deletes it");
            }
            return;
        }
        if (planned == null) {
            problems.add("planned_values.outputs: leaves out " + name + ", which " + at + " keeps");
            return;
        }
        if (!planned.path("sensitive").isBoolean()) {
            problems.add("planned_values.outputs." + name + ".sensitive: not a boolean");
        } else if (planned.path("sensitive").booleanValue()
                != change.path("after_sensitive").asBoolean(false)) {
            problems.add("planned_values.outputs." + name + ".sensitive: " + planned.get("sensitive") + ", but " + at
                    + ".after_sensitive is " + change.get("after_sensitive"));
        }
        boolean known = !ResourceChangeContract.hasTrue(change.get("after_unknown"));
        if (known ? !change.path("after").equals(planned.get("value")) : planned.has("value")) {
            problems.add("planned_values.outputs." + name + ".value: " + planned.get("value") + ", but " + at
                    + " has after " + change.get("after") + (known ? "" : " with unknowns"));
        }
    }

    /**
     * The state the plan was made against: a state document of format 1.0 whose mirrors fit its
     * values. Returns its resources by address.
     */
    private Map<String, JsonNode> priorState() {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        JsonNode prior = plan.get("prior_state");
        if (prior == null) {
            return resources;
        }
        if (!prior.path("format_version").asText().equals("1.0")) {
            problems.add("prior_state.format_version: " + prior.get("format_version") + ", not \"1.0\"");
        }
        if (!prior.has("values")) {
            return resources;
        }
        modules("prior_state.values.root_module", prior.path("values").path("root_module"), "", resources);
        resources.forEach((address, resource) -> {
            String at = "prior_state resource " + address;
            if (!resource.path("values").isObject()) {
                problems.add(at + ".values: not an object");
            }
            mirrors.sensitiveMirror(
                    at + ".sensitive_values", resource.get("sensitive_values"), resource.get("values"), null);
        });
        prior.path("values").path("outputs").properties().forEach(o -> {
            if (!o.getValue().path("sensitive").isBoolean()) {
                problems.add("prior_state.values.outputs." + o.getKey() + ".sensitive: not a boolean");
            }
        });
        return resources;
    }

    /** A complete plan has an action, even if no-op, for every managed object of the prior state. */
    private void everyManagedObjectPlanned(Map<String, JsonNode> prior) {
        Set<String> planned = new java.util.HashSet<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            planned.add(rc.path("address").asText());
            planned.add(rc.path("previous_address").asText());
        }
        prior.forEach((address, resource) -> {
            if (resource.path("mode").asText().equals("managed") && !planned.contains(address)) {
                problems.add("resource_changes: no change for " + address + ", which prior_state holds");
            }
        });
    }

    /**
     * errored and complete as the outcome says; applyable exactly when a successful plan changes
     * something: an action other than no-op, an import, a move or an output change.
     */
    private void flags(Outcome outcome) {
        boolean errored = plan.path("errored").asBoolean();
        boolean complete = plan.path("complete").asBoolean();
        boolean applyable = plan.path("applyable").asBoolean();
        if (errored != (outcome == Outcome.ERRORED)) {
            problems.add("errored: " + errored + " for a plan that "
                    + (outcome == Outcome.ERRORED ? "failed" : "succeeded"));
        }
        if (complete != (outcome == Outcome.COMPLETE)) {
            problems.add("complete: " + complete + " for a plan "
                    + switch (outcome) {
                        case COMPLETE -> "of the whole configuration";
                        case TARGETED -> "made with -target";
                        case ERRORED -> "that failed";
                    });
        }
        boolean changesSomething = false;
        for (JsonNode rc : plan.path("resource_changes")) {
            changesSomething |= !actionsOf(rc).equals(List.of("no-op"))
                    || rc.has("previous_address")
                    || rc.path("change").has("importing");
        }
        for (JsonNode oc : plan.path("output_changes")) {
            changesSomething |= !oc.path("actions").equals(JSON.valueToTree(List.of("no-op")));
        }
        boolean expected = outcome != Outcome.ERRORED && changesSomething;
        if (applyable != expected) {
            problems.add("applyable: " + applyable + " for a plan that "
                    + (outcome == Outcome.ERRORED
                            ? "failed"
                            : changesSomething ? "changes something" : "changes nothing"));
        }
    }

    private void kind(String at, JsonNode node, boolean object) {
        if (node == null || (object ? !node.isObject() : !node.isArray())) {
            problems.add(at + ": missing or not " + (object ? "an object" : "an array"));
        }
    }

    private static List<String> actionsOf(JsonNode rc) {
        List<String> actions = new ArrayList<>();
        rc.path("change").path("actions").forEach(a -> actions.add(a.asText()));
        return actions;
    }
}
