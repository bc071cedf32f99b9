package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The NSX objects that realize one NetworkPolicy in a domain: its groups, the allow section (ordered
 * before every isolation section) and the isolation section.
 */
public record DfwObjects(String domain, List<ObjectNode> groups, DfwSection allow, DfwSection isolation) {

    public DfwObjects {
        groups = List.copyOf(groups);
    }

    /** The policy path of a group or security policy id in the domain. */
    public String groupPath(String id) {
        return "/infra/domains/" + domain + "/groups/" + id;
    }

    /** The policy path of a section. */
    public String policyPath(DfwSection section) {
        return "/infra/domains/" + domain + "/security-policies/" + section.id();
    }

    /** The ids of the groups. */
    public List<String> groupIds() {
        return groups.stream().map(g -> g.path("id").asText()).toList();
    }

    /** The policy paths of the groups. */
    public List<String> groupPaths() {
        return groupIds().stream().map(this::groupPath).toList();
    }
}
