package io.netform.nsxsim.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the object paths an object refers to, following a type's reference specs: {@code a.b}
 * walks into an object, {@code a[]} walks over an array.
 */
public final class ReferenceFields {

    /** The wildcard NSX accepts in group, service and scope lists instead of a path. */
    public static final String ANY = "ANY";

    private ReferenceFields() {}

    /** Every non-blank path value found under the specs, in spec order, without {@code ANY}. */
    public static List<String> extract(JsonNode object, List<String> specs) {
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            collect(object, spec.split("\\."), 0, out);
        }
        return out;
    }

    private static void collect(JsonNode node, String[] steps, int at, List<String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (at == steps.length) {
            if (node.isTextual() && !node.asText().isBlank() && !ANY.equals(node.asText())) {
                out.add(node.asText());
            }
            return;
        }
        String step = steps[at];
        boolean array = step.endsWith("[]");
        JsonNode next = node.get(array ? step.substring(0, step.length() - 2) : step);
        if (!array) {
            collect(next, steps, at + 1, out);
        } else if (next != null && next.isArray()) {
            for (JsonNode item : next) {
                collect(item, steps, at + 1, out);
            }
        }
    }
}
