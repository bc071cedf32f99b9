package io.netform.nsxt.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.ProviderHarness;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * nsxt_k8s_network_policy against the embedded simulator: policies from the Kubernetes
 * documentation applied to nine tagged pods in three namespaces, and the traceflow verdict of every
 * pod pair on the ports involved compared with Kubernetes' semantics.
 */
class NetworkPolicyReachabilityTest extends EmbeddedNsxTest {

    private static final String TYPE = NetworkPolicyResource.TYPE_NAME;
    private static final Map<String, Map<String, String>> NAMESPACES = Map.of(
            "prod", Map.of("env", "prod", "team", "a"),
            "dev", Map.of("env", "dev", "team", "a"),
            "ops", Map.of("env", "ops"));

    /** A probe: a new connection on a protocol and port. */
    private record Probe(L4Protocol protocol, int port) {
        @Override
        public String toString() {
            return protocol + "/" + port;
        }
    }

    private static final List<Probe> WEB_PORTS =
            List.of(new Probe(L4Protocol.TCP, 80), new Probe(L4Protocol.TCP, 8080), new Probe(L4Protocol.UDP, 53));

    private final List<Pod> pods = new ArrayList<>();
    private final Map<String, Value> states = new LinkedHashMap<>();
    private final Map<String, NetworkPolicy> policies = new LinkedHashMap<>();
    private PodNetwork network;

    @BeforeEach
    void startPods() {
        network = new PodNetwork(nsx.nsx());
        int n = 1;
        for (String namespace : List.of("prod", "dev", "ops")) {
            pods.add(new Pod(namespace, "web", Map.of("app", "web"), Map.of("http", "8080/TCP"), "10.1." + n + ".10"));
            pods.add(new Pod(
                    namespace,
                    "db",
                    Map.of("app", "db", "role", "db"),
                    Map.of("http", "9090/TCP"),
                    "10.1." + n + ".20"));
            pods.add(new Pod(namespace, "client", Map.of("role", "frontend"), Map.of(), "10.1." + n + ".30"));
            n++;
        }
        pods.forEach(network::put);
    }

    private Pod pod(String name) {
        return pods.stream().filter(p -> p.toString().equals(name)).findFirst().orElseThrow();
    }

    private Value config(String namespace, String name, String spec) {
        Map<String, Value> namespaces = new LinkedHashMap<>();
        NAMESPACES.forEach((ns, labels) -> {
            Map<String, Value> values = new LinkedHashMap<>();
            labels.forEach((k, v) -> values.put(k, Value.string(v)));
            namespaces.put(ns, Value.map(Type.STRING, values));
        });
        Value manifest = ManifestValues.of("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "%s", "namespace": "%s"}, "spec": %s}""".formatted(name, namespace, spec));
        return nsx.config(
                TYPE,
                Map.of(
                        "cluster",
                        PodNetwork.CLUSTER,
                        "namespaces",
                        Value.map(Type.map(Type.STRING), namespaces),
                        "manifest",
                        manifest));
    }

    /** Creates the policy or updates it in place, as plan + apply do. */
    private void apply(String namespace, String name, String spec) {
        Value config = config(namespace, name, spec);
        String key = namespace + "/" + name;
        Value prior = states.getOrDefault(key, Value.nullOf(harness.resourceType(TYPE)));
        ProviderHarness.Planned plan = harness.plan(TYPE, prior, config);
        assertThat(plan.diagnostics()).isEmpty();
        assertThat(plan.requiresReplace()).isEmpty();
        ProviderHarness.Result applied = harness.apply(TYPE, prior, plan.state(), config);
        assertThat(applied.diagnostics()).isEmpty();
        if (prior.isNull() && !DfwTranslation.namedPortsUsed(policy(config)).isEmpty()) {
            // Pods created in the same apply may bring the named ports: resolved only when applied.
            assertThat(plan.state().getAttr("named_ports").isKnown()).isFalse();
        } else {
            assertThat(applied.state()).isEqualTo(plan.state());
        }
        states.put(key, applied.state());
        policies.put(key, policy(config));
    }

    private static NetworkPolicy policy(Value config) {
        return NetworkPolicy.fromManifest(config.getAttr("manifest"), "manifest");
    }

    private void delete(String namespace, String name) {
        String key = namespace + "/" + name;
        assertDeletedAndGone(TYPE, states.remove(key));
        policies.remove(key);
    }

    /** Asserts that the traceflow verdict of every pod pair on every probe is Kubernetes' verdict. */
    private void assertReachabilityIsKubernetes(List<Probe> probes) {
        KubernetesReachability expected = new KubernetesReachability(List.copyOf(policies.values()), NAMESPACES);
        List<String> wrong = new ArrayList<>();
        for (Pod from : pods) {
            for (Pod to : pods) {
                for (Probe probe : from == to ? List.<Probe>of() : probes) {
                    boolean want = expected.allows(from, to, probe.protocol(), probe.port());
                    if (network.delivers(from, to.ip(), probe.protocol().name(), probe.port()) != want) {
                        wrong.add(from + " -> " + to + " " + probe + ": expected " + (want ? "allowed" : "denied"));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private boolean reaches(String from, String to, L4Protocol protocol, int port) {
        return network.delivers(pod(from), pod(to).ip(), protocol.name(), port);
    }

    @Test
    void defaultDenyIngressIsolatesOnlyTheNamespacesPodsForIngress() {
        apply("prod", "default-deny-ingress", "{\"podSelector\": {}, \"policyTypes\": [\"Ingress\"]}");

        assertThat(reaches("dev/client", "prod/web", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("prod/client", "prod/web", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("prod/web", "dev/db", L4Protocol.TCP, 80)).isTrue();
        assertReachabilityIsKubernetes(WEB_PORTS);
    }

    @Test
    void defaultDenyEgressIsolatesOnlyEgressAndRepliesStillFlow() {
        apply("prod", "default-deny-egress", "{\"podSelector\": {}, \"policyTypes\": [\"Egress\"]}");

        assertThat(reaches("prod/web", "dev/web", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("dev/web", "prod/web", L4Protocol.TCP, 80)).isTrue();
        // The reply of the allowed connection dev/web -> prod/web leaves prod/web, which may not open connections.
        assertThat(network.firewallDrops(pod("prod/web"), pod("dev/web").ip(), "TCP", 40000, true))
                .isFalse();
        assertThat(network.firewallDrops(pod("prod/web"), pod("dev/web").ip(), "TCP", 40000, false))
                .isTrue();
        assertReachabilityIsKubernetes(WEB_PORTS);
    }

    @Test
    void ingressFromNamespacesSelectedByLabel() {
        apply("prod", "db-from-dev", """
                {"podSelector": {"matchLabels": {"app": "db"}},
                 "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"env": "dev"}}}]}]}""");

        assertThat(reaches("dev/client", "prod/db", L4Protocol.TCP, 80)).isTrue();
        assertThat(reaches("ops/client", "prod/db", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("prod/client", "prod/db", L4Protocol.TCP, 80)).isFalse();
        assertReachabilityIsKubernetes(WEB_PORTS);
    }

    @Test
    void podAndNamespaceSelectorInOnePeerIntersectAndInTwoPeersUnite() {
        apply("prod", "and", """
                {"podSelector": {"matchLabels": {"app": "db"}},
                 "ingress": [{"from": [{"namespaceSelector": {"matchExpressions": [
                     {"key": "team", "operator": "In", "values": ["a"]}]},
                   "podSelector": {"matchLabels": {"role": "frontend"}}}]}]}""");
        apply("prod", "or", """
                {"podSelector": {"matchLabels": {"app": "web"}},
                 "ingress": [{"from": [{"namespaceSelector": {"matchExpressions": [
                     {"key": "env", "operator": "NotIn", "values": ["prod", "dev"]}]}},
                   {"podSelector": {"matchExpressions": [{"key": "role", "operator": "DoesNotExist"}]}}]}]}""");

        assertThat(reaches("dev/client", "prod/db", L4Protocol.TCP, 80)).isTrue();
        assertThat(reaches("dev/web", "prod/db", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("ops/client", "prod/db", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("ops/db", "prod/web", L4Protocol.TCP, 80)).isTrue();
        assertThat(reaches("prod/db", "prod/web", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("dev/web", "prod/web", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("ops/client", "prod/web", L4Protocol.TCP, 80)).isTrue();
        assertReachabilityIsKubernetes(WEB_PORTS);
    }

    @Test
    void theDocumentationsExamplePolicyWithIpBlockExceptAndPorts() {
        apply("prod", "test-network-policy", """
                {"podSelector": {"matchLabels": {"role": "db"}}, "policyTypes": ["Ingress", "Egress"],
                 "ingress": [{"from": [
                     {"ipBlock": {"cidr": "10.1.0.0/16", "except": ["10.1.3.0/24"]}},
                     {"namespaceSelector": {"matchLabels": {"env": "dev"}}},
                     {"podSelector": {"matchLabels": {"role": "frontend"}}}],
                   "ports": [{"protocol": "TCP", "port": 6379}]}],
                 "egress": [{"to": [{"ipBlock": {"cidr": "10.1.2.0/24"}}],
                   "ports": [{"protocol": "TCP", "port": 5978}]}]}""");

        assertThat(reaches("dev/web", "prod/db", L4Protocol.TCP, 6379)).isTrue();
        assertThat(reaches("ops/web", "prod/db", L4Protocol.TCP, 6379)).isFalse();
        assertThat(reaches("dev/web", "prod/db", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("prod/db", "dev/web", L4Protocol.TCP, 5978)).isTrue();
        assertThat(reaches("prod/db", "ops/web", L4Protocol.TCP, 5978)).isFalse();
        assertReachabilityIsKubernetes(List.of(
                new Probe(L4Protocol.TCP, 6379), new Probe(L4Protocol.TCP, 5978), new Probe(L4Protocol.UDP, 6379)));
    }

    @Test
    void namedPortsResolveAgainstTheDestinationPod() {
        apply("prod", "http-in", """
                {"podSelector": {}, "ingress": [{"ports": [{"port": "http"}]}]}""");
        apply("ops", "http-out", """
                {"podSelector": {"matchLabels": {"role": "frontend"}}, "policyTypes": ["Egress"],
                 "egress": [{"to": [{"namespaceSelector": {}}], "ports": [{"port": "http"}]}]}""");

        assertThat(reaches("dev/client", "prod/web", L4Protocol.TCP, 8080)).isTrue();
        assertThat(reaches("dev/client", "prod/db", L4Protocol.TCP, 9090)).isTrue();
        assertThat(reaches("dev/client", "prod/web", L4Protocol.TCP, 9090)).isFalse();
        assertThat(reaches("ops/client", "dev/db", L4Protocol.TCP, 9090)).isTrue();
        assertThat(reaches("ops/client", "dev/db", L4Protocol.TCP, 8080)).isFalse();
        assertThat(states.get("prod/http-in")
                        .getAttr("named_ports")
                        .index("http/TCP")
                        .elements())
                .containsExactly(Value.number(8080), Value.number(9090));
        assertReachabilityIsKubernetes(List.of(new Probe(L4Protocol.TCP, 8080), new Probe(L4Protocol.TCP, 9090)));
    }

    @Test
    void endPortOpensTheInclusiveRangeOnlyForItsProtocol() {
        apply("prod", "range", """
                {"podSelector": {"matchLabels": {"app": "db"}},
                 "ingress": [{"ports": [{"protocol": "TCP", "port": 32000, "endPort": 32768},
                                        {"protocol": "SCTP", "port": 80}]}]}""");

        assertThat(reaches("ops/web", "prod/db", L4Protocol.TCP, 32768)).isTrue();
        assertThat(reaches("ops/web", "prod/db", L4Protocol.TCP, 32769)).isFalse();
        assertReachabilityIsKubernetes(List.of(
                new Probe(L4Protocol.TCP, 31999),
                new Probe(L4Protocol.TCP, 32000),
                new Probe(L4Protocol.TCP, 32768),
                new Probe(L4Protocol.TCP, 32769),
                new Probe(L4Protocol.UDP, 32000),
                new Probe(L4Protocol.TCP, 80)));
    }

    @Test
    void policiesAddUpAndAnUpdateOrDeleteChangesReachabilityInPlace() {
        apply("prod", "deny", "{\"podSelector\": {}, \"policyTypes\": [\"Ingress\", \"Egress\"]}");
        assertReachabilityIsKubernetes(WEB_PORTS);

        apply("prod", "web", """
                {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Ingress", "Egress"],
                 "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"env": "dev"}}}]}],
                 "egress": [{"ports": [{"protocol": "UDP", "port": 53}]}]}""");
        assertThat(reaches("dev/db", "prod/web", L4Protocol.TCP, 80)).isTrue();
        assertThat(reaches("prod/web", "ops/db", L4Protocol.UDP, 53)).isTrue();
        assertReachabilityIsKubernetes(WEB_PORTS);

        apply("prod", "web", """
                {"podSelector": {"matchLabels": {"app": "web"}},
                 "ingress": [{"from": [{"podSelector": {"matchLabels": {"role": "frontend"}}}]}]}""");
        assertThat(reaches("dev/db", "prod/web", L4Protocol.TCP, 80)).isFalse();
        assertThat(reaches("prod/client", "prod/web", L4Protocol.TCP, 80)).isFalse();
        assertReachabilityIsKubernetes(WEB_PORTS);

        delete("prod", "deny");
        assertThat(reaches("prod/client", "prod/web", L4Protocol.TCP, 80)).isTrue();
        assertReachabilityIsKubernetes(WEB_PORTS);

        assertThat(k8sGroups()).isNotEmpty();
        delete("prod", "web");
        assertThat(k8sGroups()).isEmpty();
        assertThat(nsx.nsx().list("/infra/domains/default/security-policies"))
                .noneMatch(p -> p.path("id").asText().startsWith("k8s-"));
        assertReachabilityIsKubernetes(WEB_PORTS);
    }

    @Test
    void policiesWithEqualSelectorsShareGroupsThatStayUntilTheLastOneIsDeleted() {
        apply("prod", "db-from-dev", """
                {"podSelector": {"matchLabels": {"app": "db"}},
                 "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"env": "dev"}}}]}]}""");
        apply("prod", "db-egress", """
                {"podSelector": {"matchLabels": {"app": "db"}}, "policyTypes": ["Egress"],
                 "egress": [{"to": [{"namespaceSelector": {"matchLabels": {"env": "dev"}}}]}]}""");
        List<Value> shared =
                states.get("prod/db-from-dev").getAttr("group_paths").elements();
        assertThat(states.get("prod/db-egress").getAttr("group_paths").elements())
                .isEqualTo(shared);
        assertThat(k8sGroups()).hasSize(2);

        delete("prod", "db-from-dev");
        assertThat(k8sGroups()).hasSize(2);
        assertThat(reaches("prod/db", "dev/web", L4Protocol.TCP, 80)).isTrue();
        assertThat(reaches("prod/db", "ops/web", L4Protocol.TCP, 80)).isFalse();
        assertReachabilityIsKubernetes(WEB_PORTS);

        apply("prod", "db-egress", """
                {"podSelector": {"matchLabels": {"app": "db"}}, "policyTypes": ["Egress"], "egress": []}""");
        assertThat(k8sGroups()).hasSize(1);
        delete("prod", "db-egress");
        assertThat(k8sGroups()).isEmpty();
    }

    private List<String> k8sGroups() {
        return nsx.nsx().list("/infra/domains/default/groups").stream()
                .map(g -> g.path("id").asText())
                .filter(id -> id.startsWith("k8s-"))
                .toList();
    }

    @Test
    void aPodWhoseLabelsChangeGainsOrLosesAccessWithoutReapplying() {
        apply("prod", "db-from-frontends", """
                {"podSelector": {"matchLabels": {"app": "db"}},
                 "ingress": [{"from": [{"podSelector": {"matchLabels": {"role": "frontend"}}}]}]}""");
        assertThat(reaches("prod/web", "prod/db", L4Protocol.TCP, 80)).isFalse();

        Pod relabelled = new Pod(
                "prod",
                "web",
                Map.of("app", "web", "role", "frontend"),
                Map.of("http", "8080/TCP"),
                pod("prod/web").ip());
        pods.set(pods.indexOf(pod("prod/web")), relabelled);
        network.put(relabelled);

        assertThat(reaches("prod/web", "prod/db", L4Protocol.TCP, 80)).isTrue();
        assertReachabilityIsKubernetes(WEB_PORTS);
    }

    @Test
    void aNewNumberForANamedPortShowsInThePlanAndIsOpenedByTheUpdate() {
        String spec = "{\"podSelector\": {}, \"ingress\": [{\"ports\": [{\"port\": \"http\"}]}]}";
        apply("prod", "http-in", spec);
        Pod api = new Pod("prod", "api", Map.of("app", "api"), Map.of("http", "7070/TCP"), "10.1.1.40");
        pods.add(api);
        network.put(api);
        assertThat(reaches("dev/client", "prod/api", L4Protocol.TCP, 7070)).isFalse();

        ProviderHarness.Planned plan = harness.plan(TYPE, states.get("prod/http-in"), config("prod", "http-in", spec));
        assertThat(plan.state().getAttr("named_ports").index("http/TCP").elements())
                .containsExactly(Value.number(7070), Value.number(8080), Value.number(9090));
        apply("prod", "http-in", spec);

        assertThat(reaches("dev/client", "prod/api", L4Protocol.TCP, 7070)).isTrue();
        assertReachabilityIsKubernetes(List.of(new Probe(L4Protocol.TCP, 7070), new Probe(L4Protocol.TCP, 8080)));
    }

    @Test
    void theStateReadsBackUnchangedAndIdsAreStable() {
        apply("prod", "db-from-dev", """
                {"podSelector": {"matchLabels": {"app": "db"}},
                 "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"env": "dev"}}}]}]}""");
        Value state = states.get("prod/db-from-dev");

        assertThat(state.getAttr("id").asString()).isEqualTo("k1/prod/db-from-dev");
        assertThat(state.getAttr("allow_policy_path").asString())
                .isEqualTo("/infra/domains/default/security-policies/k8s-k1-prod-db-from-dev-allow");
        assertThat(state.getAttr("group_paths").elements())
                .extracting(Value::asString)
                .hasSize(2)
                .allMatch(path -> path.matches("/infra/domains/default/groups/k8s-k1-group-[0-9a-f]{12}"));
        assertReadsBackUnchanged(TYPE, state);
        ProviderHarness.Planned again = harness.plan(TYPE, state, config("prod", "db-from-dev", """
                {"podSelector": {"matchLabels": {"app": "db"}},
                 "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"env": "dev"}}}]}]}"""));
        assertThat(again.state()).isEqualTo(state);
    }

    @Test
    void anInvalidManifestIsADiagnosticNamingTheManifestPath() {
        var diagnostics = harness.validate(TYPE, config("prod", "bad", """
                {"ingress": [{"ports": [{"port": 70000}]}]}"""));
        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("Invalid NetworkPolicy manifest");
            assertThat(d.getDetail()).startsWith("manifest.spec.ingress[0].ports[0].port: must be between 1 and 65535");
        });
        var missing = harness.validate(TYPE, config("staging", "x", "{}"));
        assertThat(missing)
                .singleElement()
                .satisfies(
                        d -> assertThat(d.getDetail())
                                .startsWith(
                                        "manifest.metadata.namespace: namespace \"staging\" is not in the namespaces argument"));
    }
}
