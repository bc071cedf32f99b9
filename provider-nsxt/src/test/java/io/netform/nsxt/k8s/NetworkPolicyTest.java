package io.netform.nsxt.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading, defaulting and validating NetworkPolicy manifests, and label selector matching. */
class NetworkPolicyTest {

    private static NetworkPolicy read(String spec) {
        return NetworkPolicy.fromManifest(ManifestValues.of("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "test", "namespace": "prod"}, "spec": %s}""".formatted(spec)), "manifest");
    }

    private static InvalidManifestException refused(String spec) {
        try {
            read(spec);
        } catch (InvalidManifestException e) {
            return e;
        }
        throw new AssertionError("accepted " + spec);
    }

    @Test
    void policyTypesDefaultToIngressPlusEgressWhenThereAreEgressRules() {
        assertThat(read("{\"podSelector\": {}}").policyTypes()).containsExactly(PolicyType.INGRESS);
        assertThat(read("{\"egress\": [{}]}").policyTypes()).containsExactly(PolicyType.INGRESS, PolicyType.EGRESS);
        assertThat(read("{\"policyTypes\": [\"Egress\"]}").policyTypes()).containsExactly(PolicyType.EGRESS);
    }

    @Test
    void rulesOfADirectionNotInPolicyTypesHaveNoEffect() {
        NetworkPolicy policy = read("{\"policyTypes\": [\"Egress\"], \"ingress\": [{}], \"egress\": []}");
        assertThat(policy.rules(PolicyType.INGRESS)).isEmpty();
        assertThat(policy.isolates(PolicyType.EGRESS)).isTrue();
        assertThat(policy.rules(PolicyType.EGRESS)).isEmpty();
    }

    @Test
    void absentPodSelectorSelectsEveryPodAndNamespaceDefaults() {
        NetworkPolicy policy = NetworkPolicy.fromManifest(ManifestValues.of("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "x"}}"""), "manifest");
        assertThat(policy.namespace()).isEqualTo("default");
        assertThat(policy.podSelector().selectsEverything()).isTrue();
    }

    @Test
    void peersKeepEmptyAndAbsentSelectorsApart() {
        NetworkPolicy policy = read("""
                {"ingress": [{"from": [
                  {"namespaceSelector": {}},
                  {"podSelector": {"matchLabels": {"role": "client"}}},
                  {"namespaceSelector": {"matchLabels": {"team": "a"}}, "podSelector": {}},
                  {"ipBlock": {"cidr": "172.17.0.0/16", "except": ["172.17.1.0/24"]}}]}]}""");
        List<Peer> peers = policy.ingress().get(0).peers();
        assertThat(peers.get(0)).isEqualTo(new PodPeer(Optional.empty(), Optional.of(LabelSelector.EVERYTHING)));
        assertThat(((PodPeer) peers.get(1)).namespaceSelector()).isEmpty();
        assertThat(((PodPeer) peers.get(2)).podSelector()).contains(LabelSelector.EVERYTHING);
        assertThat(((IpBlockPeer) peers.get(3)).remainingCidrs())
                .containsExactly(
                        "172.17.0.0/24",
                        "172.17.2.0/23",
                        "172.17.4.0/22",
                        "172.17.8.0/21",
                        "172.17.16.0/20",
                        "172.17.32.0/19",
                        "172.17.64.0/18",
                        "172.17.128.0/17");
    }

    @Test
    void portsReadNumbersRangesNamesAndWholeProtocols() {
        NetworkPolicy policy = read("""
                {"ingress": [{"ports": [{"port": 80}, {"protocol": "UDP", "port": 32000, "endPort": 32768},
                  {"port": "http"}, {"protocol": "SCTP"}]}]}""");
        assertThat(policy.ingress().get(0).ports())
                .containsExactly(
                        PolicyPort.numbered(L4Protocol.TCP, 80, 80), PolicyPort.numbered(L4Protocol.UDP, 32000, 32768),
                        PolicyPort.named(L4Protocol.TCP, "http"), PolicyPort.all(L4Protocol.SCTP));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"ingress\": [{\"ports\": [{\"port\": 70000}]}]}|manifest.spec.ingress[0].ports[0].port",
                "{\"ingress\": [{\"ports\": [{\"port\": 0}]}]}|manifest.spec.ingress[0].ports[0].port",
                "{\"egress\": [{\"ports\": [{\"port\": 90, \"endPort\": 80}]}]}|manifest.spec.egress[0].ports[0].endPort",
                "{\"egress\": [{\"ports\": [{\"port\": \"http\", \"endPort\": 80}]}]}|manifest.spec.egress[0].ports[0].endPort",
                "{\"ingress\": [{\"ports\": [{\"protocol\": \"ICMP\"}]}]}|manifest.spec.ingress[0].ports[0].protocol",
                "{\"ingress\": [{\"ports\": [{\"port\": \"Not_A_Name\"}]}]}|manifest.spec.ingress[0].ports[0].port",
                "{\"ingress\": [{\"froms\": []}]}|manifest.spec.ingress[0].froms",
                "{\"podSelector\": {\"matchExpressions\": [{\"key\": \"a\", \"operator\": \"Equals\", \"values\": [\"b\"]}]}}"
                        + "|manifest.spec.podSelector.matchExpressions[0].operator",
                "{\"podSelector\": {\"matchExpressions\": [{\"key\": \"a\", \"operator\": \"In\"}]}}"
                        + "|manifest.spec.podSelector.matchExpressions[0].values",
                "{\"podSelector\": {\"matchExpressions\": [{\"key\": \"a\", \"operator\": \"Exists\", \"values\": [\"b\"]}]}}"
                        + "|manifest.spec.podSelector.matchExpressions[0].values",
                "{\"ingress\": [{\"from\": [{}]}]}|manifest.spec.ingress[0].from[0]",
                "{\"ingress\": [{\"from\": [{\"ipBlock\": {\"cidr\": \"10.0.0.0/8\"}, \"podSelector\": {}}]}]}"
                        + "|manifest.spec.ingress[0].from[0]",
                "{\"ingress\": [{\"from\": [{\"ipBlock\": {\"cidr\": \"10.0.0.0/8\", \"except\": [\"11.0.0.0/16\"]}}]}]}"
                        + "|manifest.spec.ingress[0].from[0].ipBlock.except[0]",
                "{\"policyTypes\": [\"Inbound\"]}|manifest.spec.policyTypes[0]",
                "{\"podSelector\": {\"matchLabels\": {\"app\": \"has space\"}}}|manifest.spec.podSelector.matchLabels.app",
            })
    void anInvalidManifestNamesThePathOfTheOffendingField(String spec, String path) {
        assertThat(refused(spec).path()).isEqualTo(path);
    }

    @Test
    void anIpBlockIsReadAsKubernetesReadsACidrNotAsTheJdkReadsAnAddress() {
        // InetAddress would take 10.1 for 10.0.0.1; Kubernetes (Go's net package) refuses it
        InvalidManifestException e = refused("{\"ingress\": [{\"from\": [{\"ipBlock\": {\"cidr\": \"10.1/16\"}}]}]}");
        assertThat(e.path()).isEqualTo("manifest.spec.ingress[0].from[0].ipBlock.cidr");
        assertThat(e.problem()).contains("\"10.1/16\" is not a CIDR");
    }

    @Test
    void apiVersionAndKindMustBeNetworkPolicyV1() {
        assertThatThrownBy(() -> NetworkPolicy.fromManifest(ManifestValues.of("""
                {"apiVersion": "v1", "kind": "NetworkPolicy", "metadata": {"name": "x"}}"""), "manifest"))
                .isInstanceOfSatisfying(InvalidManifestException.class, e -> {
                    assertThat(e.path()).isEqualTo("manifest.apiVersion");
                    assertThat(e.problem()).contains("networking.k8s.io/v1");
                });
        assertThatThrownBy(() -> NetworkPolicy.fromManifest(ManifestValues.of("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "Pod", "metadata": {"name": "x"}}"""), "manifest"))
                .isInstanceOfSatisfying(
                        InvalidManifestException.class,
                        e -> assertThat(e.path()).isEqualTo("manifest.kind"));
    }

    @Test
    void selectorOperatorsFollowKubernetesIncludingMissingKeys() {
        LabelSelector selector = read("""
                {"podSelector": {"matchLabels": {"app": "web"}, "matchExpressions": [
                  {"key": "tier", "operator": "NotIn", "values": ["db"]},
                  {"key": "env", "operator": "In", "values": ["prod", "staging"]},
                  {"key": "canary", "operator": "DoesNotExist"},
                  {"key": "owner", "operator": "Exists"}]}}""").podSelector();
        Map<String, String> matching = Map.of("app", "web", "env", "prod", "owner", "x");
        assertThat(selector.matches(matching)).isTrue();
        assertThat(selector.matches(Map.of("app", "web", "env", "staging", "owner", "y", "tier", "front")))
                .isTrue();
        assertThat(selector.matches(Map.of("app", "web", "env", "prod", "owner", "x", "tier", "db")))
                .isFalse();
        assertThat(selector.matches(Map.of("app", "web", "env", "dev", "owner", "x")))
                .isFalse();
        assertThat(selector.matches(Map.of("app", "web", "env", "prod", "owner", "x", "canary", "1")))
                .isFalse();
        assertThat(selector.matches(Map.of("app", "web", "env", "prod"))).isFalse();
        assertThat(LabelSelector.EVERYTHING.matches(Map.of())).isTrue();
    }

    @Test
    void namespaceSelectorsResolveAgainstLabelsAndTheNameLabel() {
        ClusterModel cluster = new ClusterModel(
                "k1", "default", Map.of("prod", Map.of("env", "prod"), "dev", Map.of("env", "dev"), "tools", Map.of()));
        assertThat(cluster.namespacesMatching(new LabelSelector(Map.of("env", "prod"), List.of())))
                .containsExactly("prod");
        assertThat(cluster.namespacesMatching(new LabelSelector(Map.of(ClusterModel.NAME_LABEL, "tools"), List.of())))
                .containsExactly("tools");
        assertThat(cluster.namespacesMatching(new LabelSelector(
                        Map.of(), List.of(new LabelRequirement("env", SelectorOperator.NOT_IN, List.of("prod"))))))
                .containsExactly("dev", "tools");
    }

    @Test
    void ipv6BlocksSubtractToo() {
        assertThat(new IpBlockPeer("2001:db8::/32", List.of("2001:db8::/33")).remainingCidrs())
                .containsExactly("2001:db8:8000:0:0:0:0:0/33");
    }
}
