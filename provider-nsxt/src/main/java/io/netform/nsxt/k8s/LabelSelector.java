package io.netform.nsxt.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Kubernetes label selector: matchLabels and matchExpressions, all of which must hold. */
public record LabelSelector(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {

    /** The selector that selects everything ({@code {}}). */
    public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

    public LabelSelector {
        matchLabels = java.util.Collections.unmodifiableMap(new TreeMap<>(matchLabels));
        matchExpressions = List.copyOf(matchExpressions);
    }

    /** True for {@code {}}, which selects every object in its scope. */
    public boolean selectsEverything() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    /** Every requirement, matchLabels first as single-value In requirements. */
    public List<LabelRequirement> requirements() {
        List<LabelRequirement> all = new ArrayList<>();
        matchLabels.forEach((key, value) -> all.add(new LabelRequirement(key, SelectorOperator.IN, List.of(value))));
        all.addAll(matchExpressions);
        return all;
    }

    /** True when the labels satisfy every requirement. */
    public boolean matches(Map<String, String> labels) {
        return requirements().stream().allMatch(r -> r.matches(labels));
    }
}
