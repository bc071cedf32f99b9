package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one hierarchical-API body ({@code PATCH /infra}) that turns a policy's objects in NSX into the
 * desired ones atomically: groups written first (rules refer to them), then both sections with
 * their rules (every other rule found in them marked for delete), then sections no longer wanted
 * deleted. Groups are never deleted here: other policies may share them ({@link SharedGroups}
 * releases them afterwards).
 */
public final class HierarchicalChange {

    private HierarchicalChange() {}

    /**
     * The body.
     *
     * @param prior the policy paths of the policy's objects in NSX now ({@link RealizedObjects})
     * @param desired the objects wanted; empty deletes the prior sections
     */
    public static ObjectNode between(String domain, Collection<String> prior, Optional<DfwObjects> desired) {
        ObjectNode infra = PolicyClient.object().put("resource_type", "Infra");
        ObjectNode reference = infra.putArray("children")
                .addObject()
                .put("resource_type", "ChildResourceReference")
                .put("id", domain)
                .put("target_type", "Domain");
        ArrayNode children = reference.putArray("children");
        Set<String> keptSections = new HashSet<>();
        desired.ifPresent(objects -> {
            objects.groups().forEach(group -> children.add(wrap("Group", group.deepCopy())));
            for (DfwSection section : List.of(objects.allow(), objects.isolation())) {
                String path = objects.policyPath(section);
                children.add(section(section, RealizedObjects.ruleIds(prior, path)));
                keptSections.add(path);
            }
        });
        for (String section : RealizedObjects.sections(prior)) {
            if (!keptSections.contains(section)) {
                children.add(deleted("SecurityPolicy", section.substring(section.lastIndexOf('/') + 1)));
            }
        }
        return infra;
    }

    private static ObjectNode section(DfwSection section, List<String> priorRules) {
        ObjectNode policy = section.policy().deepCopy();
        ArrayNode rules = policy.putArray("children");
        section.rules().forEach(rule -> rules.add(wrap("Rule", rule.deepCopy())));
        priorRules.stream().filter(id -> !section.ruleIds().contains(id)).forEach(id -> rules.add(deleted("Rule", id)));
        return wrap("SecurityPolicy", policy);
    }

    private static ObjectNode wrap(String type, ObjectNode object) {
        ObjectNode wrapper = PolicyClient.object().put("resource_type", "Child" + type);
        wrapper.set(type, object);
        return wrapper;
    }

    private static ObjectNode deleted(String type, String id) {
        ObjectNode wrapper =
                wrap(type, PolicyClient.object().put("resource_type", type).put("id", id));
        wrapper.put("marked_for_delete", true);
        return wrapper;
    }
}
