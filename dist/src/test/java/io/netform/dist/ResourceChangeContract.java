package io.netform.dist;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a plan JSON's {@code resource_changes} or {@code resource_drift}, checked against
 * Terraform's documented structure: the address fields agree with each other, {@code actions} is
 * one of the allowed lists, {@code before} and {@code after} are null where the action says so,
 * the unknown and sensitivity mirrors fit the values, and {@code action_reason} and
 * {@code replace_paths} fit the action.
 */
final class ResourceChangeContract {

    /** The {@code actions} lists Terraform documents. */
    static final Set<List<String>> ACTIONS = Set.of(
            List.of("no-op"),
            List.of("create"),
            List.of("read"),
            List.of("update"),
            List.of("delete", "create"),
            List.of("create", "delete"),
            List.of("delete"),
            List.of("forget"),
            List.of("create", "forget"));

    private static final Set<String> REASONS = Set.of(
            "replace_because_cannot_update",
            "replace_because_tainted",
            "replace_by_request",
            "replace_by_triggers",
            "delete_because_no_resource_config",
            "delete_because_wrong_repetition",
            "delete_because_count_index",
            "delete_because_each_key",
            "delete_because_no_module",
            "delete_because_no_move_target",
            "read_because_config_unknown",
            "read_because_dependency_pending",
            "read_because_check_nested");

    private final List<String> problems;
    private final ValueMirrors mirrors;

    /** A checker that adds what it finds, each naming its place, to {@code problems}. */
    ResourceChangeContract(List<String> problems) {
        this.problems = problems;
        this.mirrors = new ValueMirrors(problems);
    }

    /** Checks the entry {@code rc}, found at {@code where} (e.g. {@code resource_changes[2]}). */
    void check(String where, JsonNode rc) {
        String at = where + " (" + rc.path("address").asText("?") + ")";
        header(at, rc);
        JsonNode change = rc.get("change");
        if (change == null || !change.isObject()) {
            problems.add(at + ": no change object");
            return;
        }
        List<String> actions = actions(at + ".change.actions", change.get("actions"));
        if (actions == null) {
            return;
        }
        boolean deposed = rc.has("deposed");
        if (deposed
                && !List.of(List.of("delete"), List.of("forget"), List.of("no-op"))
                        .contains(actions)) {
            problems.add(at + ": a deposed object can only be deleted or forgotten, not " + actions);
        }
        values(at + ".change", actions, change, rc.path("mode").asText().equals("data") || deposed);
        mirrors.changeMirrors(at + ".change", change);
        reason(at, actions, rc.get("action_reason"), change.get("replace_paths"));
    }

    /** The actions list at {@code where}, or null (and a problem) when it is not an allowed one. */
    List<String> actions(String where, JsonNode node) {
        if (node == null || !node.isArray()) {
            problems.add(where + ": missing or not an array");
            return null;
        }
        List<String> actions = new ArrayList<>();
        node.forEach(a -> actions.add(a.asText()));
        if (!ACTIONS.contains(actions)) {
            problems.add(where + ": " + node + " is not one of Terraform's action lists");
            return null;
        }
        return actions;
    }

    /** The before/after rules of {@code actions}; {@code lenient} for a data source or a deposed object. */
    private void values(String at, List<String> actions, JsonNode change, boolean lenient) {
        JsonNode before = change.get("before");
        JsonNode after = change.get("after");
        if (before == null || after == null) {
            problems.add(at + ": before and after must both be present (null where there is no value)");
            return;
        }
        boolean goes = actions.equals(List.of("delete")) || actions.equals(List.of("forget"));
        if (actions.equals(List.of("create")) && !before.isNull()) {
            problems.add(at + ".before: must be null for a create, is " + before);
        }
        if (goes && !after.isNull()) {
            problems.add(at + ".after: must be null for " + actions + ", is " + after);
        }
        if (!goes && !after.isObject()) {
            problems.add(at + ".after: must be an object for " + actions + ", is " + after);
        }
        boolean changes = actions.equals(List.of("update")) || actions.contains("delete") && actions.contains("create");
        if ((changes || actions.equals(List.of("no-op")) && !lenient) && !before.isObject()) {
            problems.add(at + ".before: must be an object for " + actions + ", is " + before);
            return;
        }
        if (before.isObject() && after.isObject()) {
            unknownWhereLeftOut(at, before, after, change.path("after_unknown"));
        }
        if (actions.equals(List.of("no-op")) && !lenient && !before.equals(after)) {
            problems.add(at + ": a no-op, but before and after differ");
        }
        if (changes
                && before.equals(after)
                && !hasTrue(change.get("after_unknown"))
                && change.path("before_sensitive").equals(change.path("after_sensitive"))) {
            problems.add(at + ": " + actions + ", but before and after are the same, nothing is unknown and "
                    + "sensitivity is unchanged");
        }
    }

    /** An attribute the object had that {@code after} leaves out must be one that is unknown. */
    private void unknownWhereLeftOut(String at, JsonNode before, JsonNode after, JsonNode afterUnknown) {
        for (Map.Entry<String, JsonNode> field : before.properties()) {
            String name = field.getKey();
            if (!after.has(name) && !afterUnknown.path(name).asBoolean(false)) {
                problems.add(at + ".after: leaves out " + name + ", which after_unknown does not mark unknown");
            }
        }
    }

    private void reason(String at, List<String> actions, JsonNode reason, JsonNode replacePaths) {
        boolean replace = actions.contains("delete") && actions.contains("create");
        String name = reason == null ? "" : reason.asText();
        if (reason != null && !REASONS.contains(name)) {
            problems.add(at + ".action_reason: " + reason + " is not one of Terraform's reasons");
        } else if (name.startsWith("replace_") && !replace
                || name.startsWith("delete_") && !actions.equals(List.of("delete"))
                || name.startsWith("read_") && !actions.equals(List.of("read"))) {
            problems.add(at + ".action_reason: " + name + " does not fit the actions " + actions);
        }
        if (replacePaths != null) {
            if (!replace) {
                problems.add(at + ".change.replace_paths: present, but the actions " + actions + " replace nothing");
            }
            replacePaths(at + ".change.replace_paths", replacePaths);
        } else if (name.equals("replace_because_cannot_update")) {
            problems.add(at + ".change.replace_paths: missing, but the reason is replace_because_cannot_update");
        }
    }

    private void replacePaths(String at, JsonNode paths) {
        if (!paths.isArray() || paths.isEmpty()) {
            problems.add(at + ": must be a non-empty array of paths, is " + paths);
            return;
        }
        for (JsonNode path : paths) {
            boolean steps = path.isArray() && !path.isEmpty();
            for (JsonNode step : path) {
                steps &= step.isTextual() || step.isIntegralNumber();
            }
            if (!steps) {
                problems.add(at + ": " + path + " is not a path of attribute names, keys and indexes");
            }
        }
    }

    private void header(String at, JsonNode rc) {
        for (String field : List.of("address", "type", "name", "provider_name")) {
            if (!rc.path(field).isTextual() || rc.path(field).asText().isEmpty()) {
                problems.add(at + "." + field + ": missing or empty");
            }
        }
        String mode = rc.path("mode").asText();
        if (!mode.equals("managed") && !mode.equals("data")) {
            problems.add(at + ".mode: " + rc.get("mode") + " is neither managed nor data");
        }
        String expected = expectedAddress(at, rc);
        if (expected != null && !expected.equals(rc.path("address").asText())) {
            problems.add(at + ".address: the other fields make it " + expected);
        }
        if (rc.has("previous_address")
                && rc.get("previous_address").asText().equals(rc.path("address").asText())) {
            problems.add(at + ".previous_address: the same as the address");
        }
        if (rc.has("deposed") && !rc.get("deposed").isTextual()) {
            problems.add(at + ".deposed: not a string");
        }
    }

    /** The address that module_address, mode, type, name and index spell, or null when index is malformed. */
    private String expectedAddress(String at, JsonNode rc) {
        StringBuilder out = new StringBuilder();
        if (rc.has("module_address")) {
            out.append(rc.get("module_address").asText()).append('.');
        }
        if (rc.path("mode").asText().equals("data")) {
            out.append("data.");
        }
        out.append(rc.path("type").asText()).append('.').append(rc.path("name").asText());
        JsonNode index = rc.get("index");
        if (index == null) {
            return out.toString();
        }
        if (!index.isIntegralNumber() && !index.isTextual()) {
            problems.add(at + ".index: " + index + " is neither a number nor a string");
            return null;
        }
        return out.append('[')
                .append(index.isTextual() ? index.toString() : index.asText())
                .append(']')
                .toString();
    }

    /** Whether a mirror holds {@code true} anywhere. */
    static boolean hasTrue(JsonNode mirror) {
        if (mirror == null) {
            return false;
        }
        if (mirror.isBoolean()) {
            return mirror.booleanValue();
        }
        for (JsonNode child : mirror) {
            if (hasTrue(child)) {
                return true;
            }
        }
        return false;
    }
}
