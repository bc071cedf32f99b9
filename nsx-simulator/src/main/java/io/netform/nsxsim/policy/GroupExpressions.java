package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.store.ObjectTree;
import java.util.Locale;
import java.util.Set;

/**
 * A group's {@code expression}: checked on write (criteria alternating with conjunctions, the
 * operators and keys NSX knows, NSX's size limits) and evaluated against an endpoint (a segment
 * port and/or an IP address) when the firewall resolves membership.
 */
final class GroupExpressions {

    /** What a group is asked about: a segment port (may be null) with its segment, and an IPv4 address (-1 if none). */
    record Endpoint(String port, String segment, long ip) {}

    private static final Set<String> OPERATORS =
            Set.of("EQUALS", "CONTAINS", "STARTSWITH", "ENDSWITH", "NOTEQUALS", "NOTIN", "MATCHES", "IN");
    private static final Set<String> KEYS =
            Set.of("Tag", "Name", "OSName", "ComputerName", "NodeType", "GroupType", "ALL", "IPAddress", "PodCidr");
    private static final Set<String> CRITERIA = Set.of(
            "Condition",
            "IPAddressExpression",
            "PathExpression",
            "NestedExpression",
            "MACAddressExpression",
            "ExternalIDExpression",
            "IdentityGroupExpression");
    private static final int MAX_CRITERIA = 5;
    private static final int MAX_CONDITIONS = 35;
    private static final int MAX_NESTING = 8;

    private GroupExpressions() {}

    /** Refuses an expression NSX would refuse. */
    static void check(PolicyPath group, JsonNode expression) {
        if (expression == null || expression.isNull()) {
            return;
        }
        int conditions = checkList(group, expression, "expression");
        if ((expression.size() + 1) / 2 > MAX_CRITERIA) {
            throw new ApiException(NsxError.invalid("expression of " + group + " has " + (expression.size() + 1) / 2
                    + " criteria; at most " + MAX_CRITERIA + " are allowed"));
        }
        if (conditions > MAX_CONDITIONS) {
            throw new ApiException(NsxError.invalid("expression of " + group + " has " + conditions
                    + " conditions; at most " + MAX_CONDITIONS + " are allowed"));
        }
    }

    /** True when the endpoint is a member of the group at the path. */
    static boolean contains(ObjectTree tree, String groupPath, Endpoint endpoint) {
        return contains(tree, groupPath, endpoint, 0);
    }

    private static boolean contains(ObjectTree tree, String groupPath, Endpoint endpoint, int depth) {
        JsonNode group = tree.get(groupPath);
        return group != null && depth < MAX_NESTING && evaluate(tree, group.path("expression"), endpoint, depth);
    }

    private static int checkList(PolicyPath group, JsonNode list, String where) {
        if (!list.isArray()) {
            throw new ApiException(NsxError.invalid(where + " of " + group + " must be a list"));
        }
        int conditions = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String type = item.path("resource_type").asText("");
            String at = where + "[" + i + "] of " + group;
            if (i % 2 == 1) {
                String op = item.path("conjunction_operator").asText("");
                if (!type.equals("ConjunctionOperator") || !(op.equals("AND") || op.equals("OR"))) {
                    throw new ApiException(NsxError.invalid(
                            at + " must be a ConjunctionOperator AND or OR between" + " two criteria"));
                }
                continue;
            }
            if (!CRITERIA.contains(type)) {
                throw new ApiException(NsxError.invalid(at + " must be one of " + CRITERIA + ", got '" + type + "'"));
            }
            if (type.equals("Condition")) {
                checkCondition(item, at);
                conditions++;
            } else if (type.equals("NestedExpression")) {
                conditions += checkList(group, item.path("expressions"), where + "[" + i + "].expressions");
            } else if (type.equals("IPAddressExpression")) {
                for (JsonNode address : item.path("ip_addresses")) {
                    if (!address.asText().contains(":") && range(address.asText()) == null) {
                        throw new ApiException(
                                NsxError.invalid(at + ": " + address + " is not an IP address, CIDR" + " or range"));
                    }
                }
            }
        }
        if (list.size() % 2 == 0 && list.size() > 0) {
            throw new ApiException(NsxError.invalid(where + " of " + group + " ends with a conjunction"));
        }
        return conditions;
    }

    private static void checkCondition(JsonNode condition, String at) {
        if (!OPERATORS.contains(condition.path("operator").asText())) {
            throw new ApiException(NsxError.invalid(at + ": operator must be one of " + OPERATORS));
        }
        if (!KEYS.contains(condition.path("key").asText())) {
            throw new ApiException(NsxError.invalid(at + ": key must be one of " + KEYS));
        }
        if (condition.path("member_type").asText("").isEmpty() || !condition.has("value")) {
            throw new ApiException(NsxError.invalid(at + ": a Condition needs member_type and value"));
        }
    }

    private static boolean evaluate(ObjectTree tree, JsonNode list, Endpoint endpoint, int depth) {
        boolean result = false;
        String conjunction = "OR";
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (i % 2 == 1) {
                conjunction = item.path("conjunction_operator").asText("OR");
                continue;
            }
            boolean value = criterion(tree, item, endpoint, depth);
            result = i == 0 ? value : conjunction.equals("AND") ? result && value : result || value;
        }
        return result;
    }

    private static boolean criterion(ObjectTree tree, JsonNode item, Endpoint endpoint, int depth) {
        switch (item.path("resource_type").asText()) {
            case "Condition":
                return condition(tree, item, endpoint);
            case "NestedExpression":
                return evaluate(tree, item.path("expressions"), endpoint, depth);
            case "IPAddressExpression":
                for (JsonNode address : item.path("ip_addresses")) {
                    long[] r = range(address.asText());
                    if (r != null && endpoint.ip() >= r[0] && endpoint.ip() <= r[1]) {
                        return true;
                    }
                }
                return false;
            case "PathExpression":
                for (JsonNode path : item.path("paths")) {
                    String p = path.asText();
                    if (p.equals(endpoint.port())
                            || p.equals(endpoint.segment())
                            || (p.contains("/groups/") && contains(tree, p, endpoint, depth + 1))) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private static boolean condition(ObjectTree tree, JsonNode condition, Endpoint endpoint) {
        String subject = switch (condition.path("member_type").asText()) {
            case "SegmentPort", "LogicalPort" -> endpoint.port();
            case "Segment", "LogicalSwitch" -> endpoint.segment();
            default -> null;
        };
        JsonNode object = subject == null ? null : tree.get(subject);
        if (object == null) {
            return false;
        }
        String operator = condition.path("operator").asText();
        String value = condition.path("value").asText();
        if (condition.path("key").asText().equals("Name")) {
            return compare(operator, object.path("display_name").asText(), value);
        }
        if (!condition.path("key").asText().equals("Tag")) {
            return false;
        }
        int bar = value.indexOf('|');
        String scope = bar < 0 ? null : value.substring(0, bar);
        String tag = bar < 0 ? value : value.substring(bar + 1);
        boolean any = false;
        for (JsonNode t : object.path("tags")) {
            boolean scopeOk = scope == null || scope.equals(t.path("scope").asText(""));
            boolean tagOk =
                    tag.isEmpty() || compare(positive(operator), t.path("tag").asText(""), tag);
            any |= scopeOk && tagOk;
        }
        return negated(operator) != any;
    }

    private static boolean negated(String operator) {
        return operator.equals("NOTEQUALS") || operator.equals("NOTIN");
    }

    /** The operator a negated one is the opposite of: a port lacks a tag when no tag matches it. */
    private static String positive(String operator) {
        return switch (operator) {
            case "NOTEQUALS" -> "EQUALS";
            case "NOTIN" -> "IN";
            default -> operator;
        };
    }

    private static boolean compare(String operator, String actual, String expected) {
        String a = actual.toLowerCase(Locale.ROOT);
        String e = expected.toLowerCase(Locale.ROOT);
        return switch (operator) {
            case "EQUALS" -> a.equals(e);
            case "NOTEQUALS" -> !a.equals(e);
            case "CONTAINS" -> a.contains(e);
            case "STARTSWITH" -> a.startsWith(e);
            case "ENDSWITH" -> a.endsWith(e);
            case "IN" -> java.util.Arrays.stream(e.split(",")).map(String::trim).anyMatch(a::equals);
            case "NOTIN" ->
                java.util.Arrays.stream(e.split(",")).map(String::trim).noneMatch(a::equals);
            case "MATCHES" -> matchesPattern(actual, expected);
            default -> false;
        };
    }

    private static boolean matchesPattern(String actual, String regex) {
        try {
            return java.util.regex.Pattern.compile(regex).matcher(actual).matches();
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    /** An address, CIDR or {@code a-b} range as first and last address; null when malformed. */
    static long[] range(String text) {
        int dash = text.indexOf('-');
        if (dash > 0) {
            long first = Ipv4Cidr.parseAddress(text.substring(0, dash));
            long last = Ipv4Cidr.parseAddress(text.substring(dash + 1));
            return first < 0 || last < first ? null : new long[] {first, last};
        }
        Ipv4Cidr cidr = Ipv4Cidr.parse(text);
        return cidr == null ? null : new long[] {cidr.first(), cidr.last()};
    }
}
