package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.List;

/**
 * A group's membership as NSX expresses it: conditions that must all hold, written as nested
 * expressions of at most five conditions each joined by AND, within NSX's limit of five criteria.
 */
final class GroupExpression {

    /** NSX's limits: conditions in one criterion of one member type, and criteria in a group. */
    static final int CONDITIONS_PER_CRITERION = 5;

    static final int MAX_CRITERIA = 5;

    private GroupExpression() {}

    /** True when NSX can express the conjunction of this many conditions in one group. */
    static boolean fits(int conditions) {
        return conditions <= CONDITIONS_PER_CRITERION * MAX_CRITERIA;
    }

    /** The expression for pods matching every condition. */
    static ArrayNode allOf(List<TagCondition> conditions) {
        ArrayNode expression = PolicyClient.object().arrayNode();
        for (int from = 0; from < conditions.size(); from += CONDITIONS_PER_CRITERION) {
            if (from > 0) {
                expression.add(conjunction("AND"));
            }
            ObjectNode nested = PolicyClient.object().put("resource_type", "NestedExpression");
            ArrayNode inner = nested.putArray("expressions");
            List<TagCondition> chunk =
                    conditions.subList(from, Math.min(conditions.size(), from + CONDITIONS_PER_CRITERION));
            for (int i = 0; i < chunk.size(); i++) {
                if (i > 0) {
                    inner.add(conjunction("AND"));
                }
                inner.add(chunk.get(i).toJson());
            }
            expression.add(nested);
        }
        return expression;
    }

    /** The expression for the addresses in the CIDRs. */
    static ArrayNode addresses(List<String> cidrs) {
        ArrayNode expression = PolicyClient.object().arrayNode();
        ObjectNode ips = expression.addObject().put("resource_type", "IPAddressExpression");
        cidrs.forEach(ips.putArray("ip_addresses")::add);
        return expression;
    }

    private static ObjectNode conjunction(String operator) {
        return PolicyClient.object().put("resource_type", "ConjunctionOperator").put("conjunction_operator", operator);
    }
}
