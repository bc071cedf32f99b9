package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The NSX objects of one policy as policy paths with the {@link ObjectFingerprint} of each: as
 * Netform means to write them, or as NSX holds them now. Comparing the two shows what was changed,
 * deleted or added behind Netform's back.
 */
final class RealizedObjects {

    private static final String RULES = "/rules/";

    private RealizedObjects() {}

    /** The objects as the translation writes them: groups, both sections and their rules. */
    static Map<String, String> expected(DfwObjects objects) {
        Map<String, String> expected = new TreeMap<>();
        objects.groups()
                .forEach(g -> expected.put(objects.groupPath(g.path("id").asText()), ObjectFingerprint.of(g)));
        for (DfwSection section : List.of(objects.allow(), objects.isolation())) {
            String path = objects.policyPath(section);
            expected.put(path, ObjectFingerprint.of(section.policy()));
            section.rules()
                    .forEach(r -> expected.put(path + RULES + r.path("id").asText(), ObjectFingerprint.of(r)));
        }
        return expected;
    }

    /**
     * The objects NSX holds now: the sections that exist with every rule they have, the given groups
     * and the cluster's policy groups the sections and rules refer to; objects that are gone are absent.
     */
    static Map<String, String> read(
            PolicyClient client, String cluster, List<String> sectionPaths, Collection<String> groupPaths) {
        Map<String, String> realized = new TreeMap<>();
        Set<String> groups = new LinkedHashSet<>(groupPaths);
        for (String path : sectionPaths) {
            Optional<ObjectNode> section = client.get(path);
            if (section.isEmpty()) {
                continue;
            }
            realized.put(path, ObjectFingerprint.of(section.get()));
            groups.addAll(groupsIn(section.get().path("scope"), cluster));
            for (JsonNode rule : section.get().path("rules")) {
                realized.put(path + RULES + rule.path("id").asText(), ObjectFingerprint.of(rule));
                for (String field : List.of("source_groups", "destination_groups", "scope")) {
                    groups.addAll(groupsIn(rule.path(field), cluster));
                }
            }
        }
        for (String path : groups) {
            client.get(path).ifPresent(group -> realized.put(path, ObjectFingerprint.of(group)));
        }
        return realized;
    }

    /** The group paths among the paths. */
    static List<String> groups(Collection<String> paths) {
        return paths.stream().filter(p -> p.contains("/groups/")).toList();
    }

    /** The ids of the rules of the section among the paths. */
    static List<String> ruleIds(Collection<String> paths, String sectionPath) {
        String prefix = sectionPath + RULES;
        return paths.stream()
                .filter(p -> p.startsWith(prefix))
                .map(p -> p.substring(prefix.length()))
                .toList();
    }

    /** The sections among the paths. */
    static List<String> sections(Collection<String> paths) {
        return paths.stream()
                .filter(p -> p.contains("/security-policies/") && !p.contains(RULES))
                .toList();
    }

    /** The paths of the groups Netform makes for the cluster's policies in a list of paths. */
    private static List<String> groupsIn(JsonNode paths, String cluster) {
        List<String> found = new ArrayList<>();
        String id = "/groups/" + DfwTranslation.groupIdPrefix(cluster);
        paths.forEach(p -> {
            if (p.asText().contains(id)) {
                found.add(p.asText());
            }
        });
        return found;
    }
}
