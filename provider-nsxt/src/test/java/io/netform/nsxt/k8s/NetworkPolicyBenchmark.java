package io.netform.nsxt.k8s;

import io.netform.nsxt.EmbeddedProvider;
import io.netform.provider.ProviderHarness;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster of 200 namespaces with 20 pods each and 400 policies against the embedded simulator:
 * prints plan and apply time, the groups and rules created against one group per selector, and the
 * time per traceflow query. Run with
 * {@code mvn -q -o -pl provider-nsxt test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.netform.nsxt.k8s.NetworkPolicyBenchmark}.
 */
public final class NetworkPolicyBenchmark {

    private static final int NAMESPACES = 200;
    private static final int PODS = 20;
    private static final int TRACEFLOWS = 200;

    private NetworkPolicyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("netform-np-bench");
        try (EmbeddedProvider nsx = EmbeddedProvider.in(directory)) {
            PodNetwork network = new PodNetwork(nsx.nsx());
            List<Pod> pods = new ArrayList<>();
            for (int n = 0; n < NAMESPACES; n++) {
                for (int p = 0; p < PODS; p++) {
                    Pod pod = new Pod(
                            "ns" + n,
                            "pod" + p,
                            Map.of("app", "app" + p % 4, "role", p % 2 == 0 ? "frontend" : "backend"),
                            Map.of("http", (8000 + p % 3) + "/TCP"),
                            "10." + (1 + n / 250) + "." + n % 250 + "." + (10 + p));
                    pods.add(pod);
                    network.put(pod);
                }
            }
            Value namespaces = namespaces();
            ProviderHarness harness = nsx.harness();
            long planNanos = 0;
            long applyNanos = 0;
            int selectors = 0;
            Set<Value> groups = new HashSet<>();
            int rules = 0;
            for (int n = 0; n < NAMESPACES; n++) {
                for (String spec : List.of(denyAll(), allowFrom(n))) {
                    NetworkPolicy policy = NetworkPolicy.fromManifest(manifest(n, spec), "manifest");
                    Value config = nsx.config(
                            NetworkPolicyResource.TYPE_NAME,
                            Map.of(
                                    "cluster",
                                    PodNetwork.CLUSTER,
                                    "namespaces",
                                    namespaces,
                                    "manifest",
                                    manifest(n, spec)));
                    Value nothing = Value.nullOf(harness.resourceType(NetworkPolicyResource.TYPE_NAME));
                    long start = System.nanoTime();
                    ProviderHarness.Planned plan = harness.plan(NetworkPolicyResource.TYPE_NAME, nothing, config);
                    long planned = System.nanoTime();
                    ProviderHarness.Result applied =
                            harness.apply(NetworkPolicyResource.TYPE_NAME, nothing, plan.state(), config);
                    applyNanos += System.nanoTime() - planned;
                    planNanos += planned - start;
                    if (!applied.diagnostics().isEmpty()) {
                        throw new IllegalStateException(applied.diagnostics().toString());
                    }
                    Value state = applied.state();
                    groups.addAll(state.getAttr("group_paths").elements());
                    selectors += selectorCount(policy, state);
                    rules += nsx.nsx()
                                    .get(state.getAttr("allow_policy_path").asString())
                                    .orElseThrow()
                                    .path("rules")
                                    .size()
                            + nsx.nsx()
                                    .get(state.getAttr("isolation_policy_path").asString())
                                    .orElseThrow()
                                    .path("rules")
                                    .size();
                }
            }
            long traceStart = System.nanoTime();
            int delivered = 0;
            for (int i = 0; i < TRACEFLOWS; i++) {
                Pod from = pods.get((i * 7919) % pods.size());
                Pod to = pods.get((i * 104729 + 13) % pods.size());
                delivered += network.delivers(from, to.ip(), "TCP", 8000 + i % 3) ? 1 : 0;
            }
            long traceNanos = System.nanoTime() - traceStart;
            System.out.printf("%d namespaces x %d pods, %d policies%n", NAMESPACES, PODS, 2 * NAMESPACES);
            System.out.printf(
                    "plan  %.1f ms per policy (%.1f s total)%n", planNanos / 1e6 / (2 * NAMESPACES), planNanos / 1e9);
            System.out.printf(
                    "apply %.1f ms per policy (%.1f s total)%n", applyNanos / 1e6 / (2 * NAMESPACES), applyNanos / 1e9);
            System.out.printf(
                    "groups created %d (one group per selector would be %d), rules %d%n",
                    groups.size(), selectors, rules);
            System.out.printf(
                    "traceflow %.1f ms per query (%d of %d delivered)%n",
                    traceNanos / 1e6 / TRACEFLOWS, delivered, TRACEFLOWS);
        }
    }

    /** Selectors without sharing: the target, each peer of each rule, and each named-port destination. */
    private static int selectorCount(NetworkPolicy policy, Value state) {
        int count = 1;
        for (PolicyType type : PolicyType.values()) {
            for (PolicyRule rule : policy.rules(type)) {
                count += rule.peers().size();
                count += (int) rule.ports().stream()
                                .filter(p -> p.name().isPresent())
                                .count()
                        * state.getAttr("named_ports").asMap().values().stream()
                                .mapToInt(Value::length)
                                .sum();
            }
        }
        return count;
    }

    private static String denyAll() {
        return "{\"podSelector\": {}, \"policyTypes\": [\"Ingress\", \"Egress\"], \"egress\": [{\"to\": "
                + "[{\"namespaceSelector\": {}}], \"ports\": [{\"protocol\": \"UDP\", \"port\": 53}]}]}";
    }

    private static String allowFrom(int n) {
        return ("{\"podSelector\": {\"matchLabels\": {\"app\": \"app%d\"}}, \"policyTypes\": [\"Ingress\", \"Egress\"],"
                        + " \"ingress\": [{\"from\": [{\"namespaceSelector\": {\"matchLabels\": {\"zone\": \"z%d\"}},"
                        + " \"podSelector\": {\"matchLabels\": {\"role\": \"frontend\"}}}, {\"podSelector\": {}}],"
                        + " \"ports\": [{\"port\": 80}, {\"port\": \"http\"}, {\"protocol\": \"UDP\", \"port\": 30000,"
                        + " \"endPort\": 30100}]}],"
                        + " \"egress\": [{\"to\": [{\"podSelector\": {\"matchLabels\": {\"role\": \"backend\"}}},"
                        + " {\"ipBlock\": {\"cidr\": \"192.168.0.0/16\", \"except\": [\"192.168.10.0/24\"]}}]}]}")
                .formatted(n % 4, n % 10);
    }

    private static Value manifest(int n, String spec) {
        String name = spec.contains("zone") ? "allow-app" : "deny-all";
        return ManifestValues.of("{\"apiVersion\": \"networking.k8s.io/v1\", \"kind\": \"NetworkPolicy\","
                + " \"metadata\": {\"name\": \"" + name + "\", \"namespace\": \"ns" + n + "\"}, \"spec\": " + spec
                + "}");
    }

    private static Value namespaces() {
        Map<String, Value> namespaces = new LinkedHashMap<>();
        for (int n = 0; n < NAMESPACES; n++) {
            namespaces.put("ns" + n, Value.map(Type.STRING, Map.of("zone", Value.string("z" + n % 10))));
        }
        return Value.map(Type.map(Type.STRING), namespaces);
    }
}
