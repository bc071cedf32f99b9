package io.netform.nsxt.k8s;

import java.util.List;
import java.util.Map;

/** One requirement of a label selector: a key, an operator and (for In and NotIn) values. */
public record LabelRequirement(String key, SelectorOperator operator, List<String> values) {

    public LabelRequirement {
        values = List.copyOf(values);
    }

    /** True when labels satisfy it; NotIn and DoesNotExist hold for labels that lack the key. */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.get(key);
        return switch (operator) {
            case IN -> actual != null && values.contains(actual);
            case NOT_IN -> actual == null || !values.contains(actual);
            case EXISTS -> actual != null;
            case DOES_NOT_EXIST -> actual == null;
        };
    }
}
