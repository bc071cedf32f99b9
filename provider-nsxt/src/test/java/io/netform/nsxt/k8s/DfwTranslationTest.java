package io.netform.nsxt.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The NSX objects a policy becomes, and the hierarchical body that moves NSX between two versions. */
class DfwTranslationTest {

    private static final ClusterModel CLUSTER = new ClusterModel(
            "k1",
            "default",
            Map.of("prod", Map.of("env", "prod"), "dev", Map.of("env", "dev"), "test", Map.of("env", "test")));

    private static DfwObjects translate(String spec) {
        NetworkPolicy policy = NetworkPolicy.fromManifest(ManifestValues.of("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "p", "namespace": "prod"}, "spec": %s}""".formatted(spec)), "manifest");
        return DfwTranslation.translate(policy, CLUSTER, Map.of(), "manifest");
    }

    /** The {@code operator value} of every condition of a group, in order. */
    private static List<String> conditions(ObjectNode group) {
        List<String> all = new ArrayList<>();
        for (JsonNode criterion : group.path("expression")) {
            for (JsonNode item : criterion.path("expressions")) {
                if (item.path("resource_type").asText().equals("Condition")) {
                    assertThat(item.path("member_type").asText()).isEqualTo("SegmentPort");
                    all.add(item.path("operator").asText() + " "
                            + item.path("value").asText());
                }
            }
        }
        return all;
    }

    @Test
    void selectorsBecomeTagConditionsOnPodPorts() {
        DfwObjects objects = translate("""
                {"podSelector": {"matchLabels": {"app": "web"}, "matchExpressions": [
                   {"key": "tier", "operator": "NotIn", "values": ["db", "cache"]},
                   {"key": "canary", "operator": "DoesNotExist"}]},
                 "ingress": [{"from": [{"namespaceSelector": {"matchExpressions": [
                   {"key": "env", "operator": "In", "values": ["dev", "test"]}]},
                   "podSelector": {"matchExpressions": [{"key": "role", "operator": "Exists"}]}}]}]}""");

        assertThat(conditions(objects.groups().get(0)))
                .containsExactly(
                        "EQUALS ncp/cluster|k1",
                        "EQUALS ncp/project|prod",
                        "EQUALS app|web",
                        "NOTEQUALS canary|",
                        "NOTIN tier|cache,db");
        assertThat(conditions(objects.groups().get(1)))
                .containsExactly("EQUALS ncp/cluster|k1", "IN ncp/project|dev,test", "EQUALS role|");
    }

    @Test
    void moreThanFiveConditionsAreSplitIntoCriteriaJoinedByAnd() {
        ObjectNode target = translate("""
                {"podSelector": {"matchLabels": {"a": "1", "b": "2", "c": "3", "d": "4"}}}""").groups().get(0);

        JsonNode expression = target.path("expression");
        assertThat(expression).hasSize(3);
        assertThat(expression.get(1).path("conjunction_operator").asText()).isEqualTo("AND");
        assertThat(conditions(target)).hasSize(6);
    }

    @Test
    void identicalSelectorsShareOneGroupAndUnmatchedNamespacesDropTheRule() {
        DfwObjects objects = translate("""
                {"ingress": [{"from": [{"podSelector": {"matchLabels": {"role": "fe"}}}]},
                             {"from": [{"podSelector": {"matchLabels": {"role": "fe"}}}], "ports": [{"port": 80}]},
                             {"from": [{"namespaceSelector": {"matchLabels": {"env": "nowhere"}}}]}]}""");

        assertThat(objects.groupIds()).hasSize(2).allMatch(id -> id.matches("k8s-k1-group-[0-9a-f]{12}"));
        assertThat(objects.groups().get(1).path("display_name").asText())
                .isEqualTo("k1 pods ncp/project=prod, role=fe");
        assertThat(objects.allow().ruleIds()).containsExactly("ingress-0", "ingress-1");
        assertThat(objects.isolation().ruleIds()).containsExactly("ingress-isolation");
    }

    @Test
    void equalSelectorsOfDifferentPoliciesShareAGroupHoweverTheyAreWritten() {
        DfwObjects one = translate("""
                {"podSelector": {"matchLabels": {"app": "web", "tier": "front"}},
                 "ingress": [{"from": [{"ipBlock": {"cidr": "10.0.0.0/24"}}]}]}""");
        DfwObjects other = translate("""
                {"podSelector": {"matchExpressions": [{"key": "tier", "operator": "In", "values": ["front"]},
                   {"key": "app", "operator": "In", "values": ["web"]}]},
                 "policyTypes": ["Egress"], "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/24"}}]}]}""");
        DfwObjects elsewhere = translate("""
                {"podSelector": {"matchLabels": {"app": "web"}}, "ingress": [{"from": [{"namespaceSelector":
                   {"matchExpressions": [{"key": "env", "operator": "In", "values": ["test", "dev"]}]}}]}]}""");

        assertThat(other.groupPaths()).isEqualTo(one.groupPaths());
        assertThat(elsewhere.groupPaths()).doesNotContainAnyElementsOf(one.groupPaths());
        assertThat(conditions(elsewhere.groups().get(1)))
                .containsExactly("EQUALS ncp/cluster|k1", "IN ncp/project|dev,test");
        assertThat(one.groups().get(0).path("tags").toString())
                .isEqualTo("[{\"scope\":\"ncp/cluster\",\"tag\":\"k1\"}]");
    }

    @Test
    void anIpBlockBecomesTheCidrsLeftAfterItsExceptions() {
        DfwObjects objects = translate("""
                {"policyTypes": ["Egress"], "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/23",
                  "except": ["10.0.0.0/24"]}}], "ports": [{"protocol": "UDP", "port": 53}]}]}""");

        JsonNode ips = objects.groups().get(1).path("expression").get(0);
        assertThat(ips.path("resource_type").asText()).isEqualTo("IPAddressExpression");
        assertThat(ips.path("ip_addresses").get(0).asText()).isEqualTo("10.0.1.0/24");
        ObjectNode rule = objects.allow().rules().get(0);
        assertThat(rule.path("direction").asText()).isEqualTo("OUT");
        assertThat(rule.path("service_entries").get(0).path("l4_protocol").asText())
                .isEqualTo("UDP");
        assertThat(objects.isolation().ruleIds()).containsExactly("egress-isolation");
    }

    @Test
    void aSelectorTooBigForOneNsxGroupIsAnErrorAtItsPath() {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            labels.append(i == 0 ? "" : ", ").append("\"l").append(i).append("\": \"v\"");
        }
        assertThatThrownBy(() -> translate(
                        "{\"ingress\": [{\"from\": [{\"podSelector\": {\"matchLabels\": {" + labels + "}}}]}]}"))
                .isInstanceOfSatisfying(
                        InvalidManifestException.class,
                        e -> assertThat(e.path()).isEqualTo("manifest.spec.ingress[0].from[0]"));
    }

    @Test
    void theChangeBodyWritesGroupsFirstAndDeletesSectionsButNeverSharedGroups() {
        DfwObjects before = translate("""
                {"policyTypes": ["Ingress", "Egress"], "ingress": [{"from": [{"podSelector": {"matchLabels": {"a": "b"}}}]}],
                 "egress": [{}]}""");
        DfwObjects after = translate("{\"ingress\": [{}]}");

        Set<String> priorPaths = RealizedObjects.expected(before).keySet();
        List<String> update = children(HierarchicalChange.between("default", priorPaths, Optional.of(after)));
        assertThat(update)
                .containsExactly(
                        "Group " + after.groupIds().get(0),
                        "SecurityPolicy k8s-k1-prod-p-allow",
                        "SecurityPolicy k8s-k1-prod-p-isolation");
        ObjectNode body = HierarchicalChange.between("default", priorPaths, Optional.of(after));
        JsonNode isolationRules = body.path("children")
                .get(0)
                .path("children")
                .get(2)
                .path("SecurityPolicy")
                .path("children");
        assertThat(isolationRules
                        .get(isolationRules.size() - 1)
                        .path("marked_for_delete")
                        .asBoolean())
                .isTrue();
        assertThat(isolationRules
                        .get(isolationRules.size() - 1)
                        .path("Rule")
                        .path("id")
                        .asText())
                .isEqualTo("egress-isolation");

        assertThat(children(HierarchicalChange.between(
                        "default", RealizedObjects.expected(after).keySet(), Optional.empty())))
                .containsExactly(
                        "delete SecurityPolicy k8s-k1-prod-p-allow", "delete SecurityPolicy k8s-k1-prod-p-isolation");
    }

    private static List<String> children(ObjectNode infra) {
        List<String> children = new ArrayList<>();
        for (JsonNode child : infra.path("children").get(0).path("children")) {
            String type = child.path("resource_type").asText().substring("Child".length());
            children.add((child.path("marked_for_delete").asBoolean() ? "delete " : "") + type + " "
                    + child.path(type).path("id").asText());
        }
        return children;
    }
}
