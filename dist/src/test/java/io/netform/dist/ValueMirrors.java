package io.netform.dist;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Checks the mirror trees of Terraform's plan JSON against the values they describe:
 * {@code after_unknown} has {@code true} exactly where {@code after} leaves a value out (absent
 * from an object, null in an array), and a sensitivity mirror ({@code before_sensitive},
 * {@code after_sensitive}, {@code sensitive_values}) has {@code true} at sensitive places, with
 * objects and arrays shaped like the value (arrays as long as the value's, {@code false} at
 * positions that are not sensitive).
 */
final class ValueMirrors {

    private final List<String> problems;

    /** A checker that adds what it finds, each naming its place, to {@code problems}. */
    ValueMirrors(List<String> problems) {
        this.problems = problems;
    }

    /** Checks the three mirrors of a resource or output change at {@code where} against its before and after. */
    void changeMirrors(String where, JsonNode change) {
        JsonNode unknown = change.get("after_unknown");
        unknownMirror(where + ".after_unknown", unknown, change.get("after"));
        sensitiveMirror(where + ".before_sensitive", change.get("before_sensitive"), change.get("before"), null);
        sensitiveMirror(where + ".after_sensitive", change.get("after_sensitive"), change.get("after"), unknown);
    }

    /**
     * Checks {@code unknown} (the {@code after_unknown} at {@code where}) against {@code after}, which
     * is null or absent where the whole value is unknown or null.
     */
    void unknownMirror(String where, JsonNode unknown, JsonNode after) {
        if (unknown == null) {
            problems.add(where + ": missing");
        } else if (unknown.isBoolean()) {
            if (unknown.booleanValue() && present(after)) {
                problems.add(where + ": true (unknown), but the value is known: " + after);
            }
        } else if (unknown.isObject()) {
            if (!present(after) && !unknown.isEmpty()) {
                problems.add(where + ": " + unknown + " describes an object, but the value is null");
            } else if (present(after) && !after.isObject()) {
                problems.add(where + ": an object, but the value is " + after);
            } else {
                for (Map.Entry<String, JsonNode> field : unknown.properties()) {
                    unknownMirror(
                            where + "." + field.getKey(),
                            field.getValue(),
                            after == null ? null : after.get(field.getKey()));
                }
            }
        } else if (unknown.isArray()) {
            if (after == null || !after.isArray() || after.size() != unknown.size()) {
                problems.add(where + ": an array of " + unknown.size() + ", but the value is " + after);
            } else {
                for (int i = 0; i < unknown.size(); i++) {
                    unknownMirror(where + "[" + i + "]", unknown.get(i), after.get(i));
                }
            }
        } else {
            problems.add(where + ": " + unknown + " is neither a boolean, an object nor an array");
        }
    }

    /**
     * Checks {@code sensitive} (a sensitivity mirror at {@code where}) against {@code value}; where
     * {@code unknown} (the {@code after_unknown} at the same place, or null) says the value is not
     * known yet, the mirror may only be {@code true} or empty.
     */
    void sensitiveMirror(String where, JsonNode sensitive, JsonNode value, JsonNode unknown) {
        if (sensitive == null) {
            problems.add(where + ": missing");
        } else if (sensitive.isBoolean()) {
            if (value == null && !isTrue(unknown)) {
                problems.add(where + ": " + sensitive + " for a value that is neither present nor unknown");
            }
        } else if (sensitive.isContainerNode()) {
            containerMirror(where, sensitive, value, unknown);
        } else {
            problems.add(where + ": " + sensitive + " is neither a boolean, an object nor an array");
        }
    }

    private void containerMirror(String where, JsonNode sensitive, JsonNode value, JsonNode unknown) {
        if (!present(value)) {
            if (!sensitive.isEmpty() || !isTrue(unknown)) {
                problems.add(where + ": " + sensitive + " describes a value that is "
                        + (isTrue(unknown)
                                ? "unknown (only true or an empty mirror can describe it)"
                                : "null or absent"));
            }
        } else if (sensitive.isObject() != value.isObject() || sensitive.isArray() != value.isArray()) {
            problems.add(where + ": " + sensitive + " is not shaped like the value " + value);
        } else if (sensitive.isArray()) {
            if (sensitive.size() != value.size()) {
                problems.add(where + ": an array of " + sensitive.size() + ", but the value has " + value.size());
                return;
            }
            for (int i = 0; i < sensitive.size(); i++) {
                sensitiveMirror(where + "[" + i + "]", sensitive.get(i), value.get(i), child(unknown, i));
            }
        } else {
            for (Map.Entry<String, JsonNode> field : sensitive.properties()) {
                String key = field.getKey();
                sensitiveMirror(where + "." + key, field.getValue(), value.get(key), child(unknown, key));
            }
        }
    }

    private static JsonNode child(JsonNode unknown, Object step) {
        if (unknown == null || !unknown.isContainerNode()) {
            return null;
        }
        return step instanceof Integer i ? unknown.get(i) : unknown.get((String) step);
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull();
    }

    private static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.booleanValue();
    }
}
