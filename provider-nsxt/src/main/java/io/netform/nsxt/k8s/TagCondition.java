package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.List;

/**
 * A group Condition on the tags of segment ports (the pods): an operator and the {@code scope|tag}
 * value NSX matches, where an empty tag means "any tag with this scope".
 */
record TagCondition(String operator, String scope, String tag) {

    static TagCondition equalTo(String scope, String tag) {
        return new TagCondition("EQUALS", scope, tag);
    }

    /** One of several values; EQUALS for one, IN (comma-separated) for more. */
    static TagCondition oneOf(String scope, List<String> tags) {
        return tags.size() == 1 ? equalTo(scope, tags.get(0)) : new TagCondition("IN", scope, String.join(",", tags));
    }

    /** None of the values, which holds for ports without the scope too. */
    static TagCondition noneOf(String scope, List<String> tags) {
        return new TagCondition(tags.size() == 1 ? "NOTEQUALS" : "NOTIN", scope, String.join(",", tags));
    }

    /** Any tag with the scope. */
    static TagCondition present(String scope) {
        return equalTo(scope, "");
    }

    /** No tag with the scope. */
    static TagCondition absent(String scope) {
        return new TagCondition("NOTEQUALS", scope, "");
    }

    /** How the condition reads in a group's display name, e.g. {@code app=web} or {@code tier notin db,cache}. */
    String describe() {
        if (tag.isEmpty()) {
            return scope + (operator.equals("EQUALS") ? " exists" : " absent");
        }
        return switch (operator) {
            case "EQUALS" -> scope + "=" + tag;
            case "NOTEQUALS" -> scope + "!=" + tag;
            default -> scope + " " + operator.toLowerCase(java.util.Locale.ROOT) + " " + tag;
        };
    }

    ObjectNode toJson() {
        ObjectNode json = PolicyClient.object();
        json.put("resource_type", "Condition");
        json.put("member_type", "SegmentPort");
        json.put("key", "Tag");
        json.put("operator", operator);
        json.put("value", scope + "|" + tag);
        return json;
    }
}
