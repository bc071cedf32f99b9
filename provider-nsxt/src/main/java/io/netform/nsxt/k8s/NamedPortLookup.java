package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves named ports as NCP does, from the pods: the numbers the cluster's segment ports give each
 * named port in their {@code ncp/port/<name>} tags, for the names and protocols a policy uses.
 */
public final class NamedPortLookup {

    private static final String QUERY = "resource_type:SegmentPort AND tags.scope:ncp\\/port\\/*";

    private NamedPortLookup() {}

    /** The numbers per {@code name/PROTOCOL} key of {@code used}, ascending; names no pod has map to nothing. */
    public static Map<String, List<Integer>> resolve(PolicyClient client, String cluster, Set<String> used) {
        Map<String, List<Integer>> resolved = new TreeMap<>();
        if (used.isEmpty()) {
            return resolved;
        }
        Map<String, TreeSet<Integer>> numbers = new TreeMap<>();
        for (ObjectNode port : client.search(QUERY)) {
            if (!hasTag(port, PodTags.CLUSTER, cluster)) {
                continue;
            }
            for (JsonNode tag : port.path("tags")) {
                String scope = tag.path("scope").asText("");
                String[] value = tag.path("tag").asText("").split("/");
                if (scope.startsWith(PodTags.NAMED_PORT_PREFIX)
                        && value.length == 2
                        && value[0].matches("[0-9]{1,5}")) {
                    String key = scope.substring(PodTags.NAMED_PORT_PREFIX.length()) + "/" + value[1];
                    if (used.contains(key)) {
                        numbers.computeIfAbsent(key, k -> new TreeSet<>()).add(Integer.parseInt(value[0]));
                    }
                }
            }
        }
        numbers.forEach((key, set) -> resolved.put(key, List.copyOf(new ArrayList<>(set))));
        return resolved;
    }

    private static boolean hasTag(JsonNode object, String scope, String value) {
        for (JsonNode tag : object.path("tags")) {
            if (scope.equals(tag.path("scope").asText())
                    && value.equals(tag.path("tag").asText())) {
                return true;
            }
        }
        return false;
    }
}
