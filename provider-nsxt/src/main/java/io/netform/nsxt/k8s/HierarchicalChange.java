package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one hierarchical-API body ({@code PATCH /infra}) that turns a policy's prior NSX objects into
 * the desired ones atomically: groups written first (rules refer to them), then both sections with
 * their rules (rules no longer wanted marked for delete), then sections no longer wanted deleted.
 * Groups are never deleted here: other policies may share them ({@link SharedGroups} releases them
 * afterwards).
 */
public final class HierarchicalChange {

    private HierarchicalChange() {}

    /**
     * The body; an empty prior creates, an empty desired deletes everything the prior had.
     */
    public static ObjectNode between(Optional<DfwObjects> prior, Optional<DfwObjects> desired) {
        String domain = desired.or(() -> prior).orElseThrow().domain();
        ObjectNode infra = PolicyClient.object().put("resource_type", "Infra");
        ObjectNode reference = infra.putArray("children").addObject().put("resource_type", "ChildResourceReference")
                .put("id", domain).put("target_type", "Domain");
        ArrayNode children = reference.putArray("children");
        Set<String> keptSections = new HashSet<>();
        desired.ifPresent(objects -> {
            objects.groups().forEach(group -> children.add(wrap("Group", group.deepCopy())));
            for (DfwSection section : List.of(objects.allow(), objects.isolation())) {
                children.add(section(section, prior.flatMap(p -> sameSection(p, section.id()))));
                keptSections.add(section.id());
            }
        });
        prior.ifPresent(objects -> {
            for (DfwSection section : List.of(objects.allow(), objects.isolation())) {
                if (!keptSections.contains(section.id())) {
                    children.add(deleted("SecurityPolicy", section.id()));
                }
            }
        });
        return infra;
    }

    private static Optional<DfwSection> sameSection(DfwObjects prior, String id) {
        return List.of(prior.allow(), prior.isolation()).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static ObjectNode section(DfwSection section, Optional<DfwSection> prior) {
        ObjectNode policy = section.policy().deepCopy();
        ArrayNode rules = policy.putArray("children");
        section.rules().forEach(rule -> rules.add(wrap("Rule", rule.deepCopy())));
        prior.ifPresent(p -> p.ruleIds().stream().filter(id -> !section.ruleIds().contains(id))
                .forEach(id -> rules.add(deleted("Rule", id))));
        return wrap("SecurityPolicy", policy);
    }

    private static ObjectNode wrap(String type, ObjectNode object) {
        ObjectNode wrapper = PolicyClient.object().put("resource_type", "Child" + type);
        wrapper.set(type, object);
        return wrapper;
    }

    private static ObjectNode deleted(String type, String id) {
        ObjectNode wrapper = wrap(type, PolicyClient.object().put("resource_type", type).put("id", id));
        wrapper.put("marked_for_delete", true);
        return wrapper;
    }
}
