package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One NSX security policy (without its rules) and its rules, in order. */
public record DfwSection(ObjectNode policy, List<ObjectNode> rules) {

    public DfwSection {
        rules = List.copyOf(rules);
    }

    /** The policy's id. */
    public String id() {
        return policy.path("id").asText();
    }

    /** The ids of its rules. */
    public List<String> ruleIds() {
        return rules.stream().map(r -> r.path("id").asText()).toList();
    }
}
