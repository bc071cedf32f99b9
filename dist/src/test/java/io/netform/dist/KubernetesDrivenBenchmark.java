package io.netform.dist;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.netform.kubesim.Fabric8Client;
import io.netform.kubesim.KubeSimulator;
import io.netform.kubesim.KubeSimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints the figures of issue 21's benchmark: examples/kubernetes-driven against a cluster of
 * NAMESPACES namespaces with two NetworkPolicies each (500 and 1,000 by default) in kube-sim (run in
 * this JVM), with the embedded NSX simulator and the CLI run in-process: the time of the apply
 * that realizes everything, the time of the plan that follows and finds no changes, and the
 * Kubernetes API requests that plan made (counted by kube-sim, by verb and resource), beside those
 * of the same plan for a cluster of one namespace, to show that the calls do not grow with the
 * objects.
 *
 * <p>Run from the repository root:
 * {@code mvn -B -q -DskipTests package -pl dist -am && mvn -B -q -pl dist dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=$PWD/target/bench.classpath && java -cp
 * "dist/target/test-classes:dist/target/classes:$(cat target/bench.classpath)"
 * io.netform.dist.KubernetesDrivenBenchmark [NAMESPACES]}. The system property {@code netform.home}
 * overrides the distribution ({@code dist/target/netform}).
 */
public final class KubernetesDrivenBenchmark {

    private KubernetesDrivenBenchmark() {}

    /** Runs the benchmark; the argument is the number of namespaces (default 500), each with two policies. */
    public static void main(String[] args) throws Exception {
        int namespaces = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        if (System.getProperty("netform.home") == null) {
            System.setProperty(
                    "netform.home",
                    Path.of("dist/target/netform").toAbsolutePath().toString());
        }
        Figures small = run(1, false);
        Figures large = run(namespaces, true);
        System.out.printf(
                "cluster: %d namespaces, %d NetworkPolicies (%d resources in state)%n",
                namespaces, 2 * namespaces, large.resources());
        System.out.printf("apply realizing everything (embedded NSX): %.1f s%n", large.applySeconds());
        System.out.printf("plan with no changes: %.1f s%n", large.planSeconds());
        System.out.printf(
                "Kubernetes API requests of that plan: %d %s (1 namespace, 2 policies: %d %s)%s%n",
                total(large.requests()),
                large.requests(),
                total(small.requests()),
                small.requests(),
                large.requests().equals(small.requests()) ? "" : ": they GROW with the cluster");
        System.exit(0);
    }

    /** What one cluster size gave. */
    private record Figures(double applySeconds, double planSeconds, Map<String, Long> requests, int resources) {}

    private static Figures run(int namespaces, boolean report) throws Exception {
        Path root = Files.createTempDirectory("kubernetes-driven-benchmark");
        try (KubeSimulator cluster = KubeSimulator.start(
                        KubeSimulatorConfig.defaults().withDataDirectory(root.resolve("kube-sim")));
                KubernetesClient kubectl = Fabric8Client.of(cluster);
                NsxTestBed nsx = NsxTestBed.startWith(root, "kubernetes-driven")) {
            fill(kubectl, namespaces);
            Path kubeconfig = cluster.kubeconfigFile().orElseThrow();
            // the embedded simulator, as the example runs by default; addresses for 500 SNATs
            Workspace w = nsx.inProcessWorkspace(Map.of(
                    "TF_VAR_kubeconfig", kubeconfig.toString(),
                    "TF_VAR_nsx_manager", "embedded",
                    "TF_VAR_external_cidr", "100.64.0.0/21"));
            w.ok("init", "-no-color");
            if (report) {
                System.out.printf("cluster of %d namespaces ready; applying%n", namespaces);
            }
            long start = System.nanoTime();
            w.ok("apply", "-auto-approve", "-no-color", "-parallelism=10");
            double apply = (System.nanoTime() - start) / 1e9;
            int resources = w.ok("state", "list").out().strip().split("\n").length;

            cluster.requests().reset();
            start = System.nanoTime();
            NetformProcess.Result plan = w.run("plan", "-detailed-exitcode", "-no-color");
            double planned = (System.nanoTime() - start) / 1e9;
            if (plan.exitCode() != 0) {
                throw new IllegalStateException("the plan after the apply is not empty: " + plan.out() + plan.err());
            }
            return new Figures(apply, planned, cluster.requests().byRequest(), resources);
        }
    }

    private static long total(Map<String, Long> requests) {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Namespaces labelled with one of ten teams, each with a default deny and an allow from the next
     * team, instead of the namespaces kube-sim starts with.
     */
    private static void fill(KubernetesClient kubectl, int namespaces) {
        kubectl.namespaces()
                .list()
                .getItems()
                .forEach(namespace -> kubectl.namespaces()
                        .withName(namespace.getMetadata().getName())
                        .delete());
        for (int i = 0; i < namespaces; i++) {
            String name = "ns-" + i;
            kubectl.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .addToLabels("team", "t" + (i % 10))
                            .addToAnnotations("netform.io/subnet-slot", Integer.toString(i))
                            .endMetadata()
                            .build())
                    .create();
            kubectl.network().v1().networkPolicies().resource(denyIngress(name)).create();
            kubectl.network()
                    .v1()
                    .networkPolicies()
                    .resource(allowFromTeam(name, i))
                    .create();
        }
    }

    private static NetworkPolicy denyIngress(String namespace) {
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("default-deny-ingress")
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Ingress")
                .endSpec()
                .build();
    }

    private static NetworkPolicy allowFromTeam(String namespace, int i) {
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("allow-web-from-team")
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .addToMatchLabels("app", "web")
                .endPodSelector()
                .addNewIngress()
                .addNewFrom()
                .withNewNamespaceSelector()
                .addToMatchLabels("team", "t" + ((i + 1) % 10))
                .endNamespaceSelector()
                .endFrom()
                .addNewPort()
                .withProtocol("TCP")
                .withPort(new IntOrString(8080))
                .endPort()
                .endIngress()
                .endSpec()
                .build();
    }
}
