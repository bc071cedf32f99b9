package io.netform.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.json.ExactJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator driven by the real kubectl, through the kubeconfig it writes. */
class KubectlTest {

    private static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: deny-egress
              namespace: team-a
              labels: {app: web}
            spec:
              podSelector:
                matchLabels: {app: web}
              policyTypes: [Egress]
              egress:
              - to:
                - ipBlock: {cidr: 10.0.0.0/8}
                ports:
                - {port: PORT, protocol: UDP}
            """;

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-0
              namespace: team-a
              labels: {app: web, tier: front}
            spec:
              containers:
              - name: web
                image: nginx
                ports:
                - {name: http, containerPort: 8080, protocol: TCP}
            """;

    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd]}
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
            """;

    private static final String WIDGET = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: small
              namespace: team-a
              labels: {app: web}
            spec: {size: SIZE}
            """;

    @TempDir
    Path directory;

    private KubeSimulator simulator;
    private Kubectl kubectl;

    @BeforeAll
    static void kubectlIsInstalled() {
        Kubectl.requireInstalled();
    }

    @BeforeEach
    void start() {
        simulator = KubeSimulator.start(KubeSimulatorConfig.defaults().withDataDirectory(directory.resolve("data")));
        kubectl = new Kubectl(simulator.kubeconfigFile().orElseThrow(), directory);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void namespacesAreCreatedListedLabelledAndDeleted() throws IOException {
        assertThat(kubectl.ok("create", "namespace", "team-a")).contains("namespace/team-a created");
        assertThat(names(kubectl.ok("get", "namespaces", "-o", "json"))).contains("default", "kube-system", "team-a");

        kubectl.ok("label", "namespace", "team-a", "env=dev");
        kubectl.ok("label", "namespace", "team-a", "env=prod", "--overwrite");
        JsonNode namespace = json(kubectl.ok("get", "namespace", "team-a", "-o", "json"));
        assertThat(namespace.path("metadata").path("labels").path("env").asText())
                .isEqualTo("prod");
        assertThat(namespace.path("metadata").has("namespace"))
                .as("a cluster-scoped object has no namespace, not even null")
                .isFalse();
        assertThat(names(kubectl.ok("get", "namespaces", "-l", "env=prod", "-o", "json")))
                .containsExactly("team-a");

        assertThat(kubectl.ok("delete", "namespace", "team-a")).contains("namespace \"team-a\" deleted");
        assertThat(names(kubectl.ok("get", "namespaces", "-o", "json"))).doesNotContain("team-a");
    }

    @Test
    void aNetworkPolicyIsAppliedClientSideAndUpdatedByApplyingAgain() throws IOException {
        kubectl.ok("create", "namespace", "team-a");
        Path policy = write("policy.yaml", POLICY.replace("PORT", "53"));
        assertThat(kubectl.ok("apply", "-f", policy.toString())).contains("deny-egress created");

        write("policy.yaml", POLICY.replace("PORT", "5353"));
        assertThat(kubectl.ok("apply", "-f", policy.toString())).contains("deny-egress configured");

        JsonNode list = json(kubectl.ok("get", "networkpolicies", "-A", "-o", "json"));
        assertThat(list.path("items")).hasSize(1);
        JsonNode spec = list.path("items").get(0).path("spec");
        assertThat(spec.path("egress").get(0).path("ports").get(0).path("port").asInt())
                .isEqualTo(5353);
        assertThat(spec.path("policyTypes").get(0).asText()).isEqualTo("Egress");
        assertThat(kubectl.ok("get", "networkpolicies", "-A")).contains("team-a", "deny-egress");
    }

    @Test
    void serverSideApplyRemovesWhatTheManagerNoLongerApplies() throws IOException {
        kubectl.ok("create", "namespace", "team-a");
        Path policy = write(
                "policy.yaml",
                POLICY.replace("PORT", "53").replace("{app: web}\nspec", "{app: web, owner: ops}\nspec"));
        assertThat(kubectl.ok("apply", "--server-side", "-f", policy.toString()))
                .contains("serverside-applied");
        assertThat(labels("networkpolicy", "deny-egress")).containsExactlyInAnyOrder("app", "owner");

        write("policy.yaml", POLICY.replace("PORT", "53"));
        kubectl.ok("apply", "--server-side", "-f", policy.toString());

        assertThat(labels("networkpolicy", "deny-egress")).containsExactly("app");
    }

    @Test
    void podsKeepTheirLabelsAndContainerPortsAndListBySelectors() throws IOException {
        kubectl.ok("create", "namespace", "team-a");
        kubectl.ok("create", "namespace", "team-b");
        kubectl.ok("apply", "-f", write("pod.yaml", POD).toString());
        kubectl.ok(
                "apply",
                "-f",
                write("pod-b.yaml", POD.replace("team-a", "team-b").replace(", tier: front", ""))
                        .toString());

        JsonNode pod = json(kubectl.ok("get", "pod", "web-0", "-n", "team-a", "-o", "json"));
        JsonNode port = pod.path("spec").path("containers").get(0).path("ports").get(0);
        assertThat(port.path("name").asText()).isEqualTo("http");
        assertThat(port.path("containerPort").asInt()).isEqualTo(8080);

        assertThat(namespaces(kubectl.ok("get", "pods", "-A", "-l", "app=web", "-o", "json")))
                .containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(namespaces(kubectl.ok("get", "pods", "-A", "-l", "tier=front", "-o", "json")))
                .containsExactly("team-a");
        assertThat(namespaces(kubectl.ok("get", "pods", "-A", "-l", "app=web,tier!=front", "-o", "json")))
                .containsExactly("team-b");
        assertThat(namespaces(
                        kubectl.ok("get", "pods", "-A", "--field-selector", "metadata.namespace=team-b", "-o", "json")))
                .containsExactly("team-b");
        assertThat(names(kubectl.ok("get", "namespaces", "--field-selector", "metadata.name=team-a", "-o", "json")))
                .containsExactly("team-a");
        assertThat(kubectl.ok("get", "all", "-n", "team-a")).contains("web-0");
    }

    @Test
    void aSelectorTheStoreCannotMatchIsRefusedNotIgnored() throws IOException {
        kubectl.ok("create", "namespace", "team-a");
        kubectl.ok("apply", "-f", write("pod.yaml", POD).toString());

        Kubectl.Run setBased = kubectl.run("get", "pods", "-A", "-l", "app in (web,api)");
        Kubectl.Run byPhase = kubectl.run("get", "pods", "-A", "--field-selector", "status.phase=Running");

        assertThat(setBased.exitCode()).isNotZero();
        assertThat(setBased.err()).contains("equality-based label selectors only");
        assertThat(byPhase.exitCode()).isNotZero();
        assertThat(byPhase.err()).contains("field label not supported: status.phase");
    }

    @Test
    void aServerDryRunIsRefusedAndChangesNothing() throws IOException {
        kubectl.ok("create", "namespace", "team-a");

        Kubectl.Run run = kubectl.run(
                "apply",
                "--dry-run=server",
                "-f",
                write("policy.yaml", POLICY.replace("PORT", "53")).toString());

        assertThat(run.exitCode()).isNotZero();
        // kubectl 1.32 asks and is refused; kubectl 1.20 finds no dry-run support in the OpenAPI document
        assertThat(run.err()).containsAnyOf("kube-sim does not support dryRun", "doesn't support dry-run");
        assertThat(json(kubectl.ok("get", "networkpolicies", "-A", "-o", "json"))
                        .path("items"))
                .isEmpty();
    }

    @Test
    void aCustomResourceDefinitionServesItsKindUntilItIsDeleted() throws IOException {
        kubectl.ok("create", "namespace", "team-a");
        assertThat(kubectl.run("get", "widgets", "-A").exitCode()).isNotZero();

        kubectl.ok("apply", "-f", write("crd.yaml", CRD).toString());
        assertThat(kubectl.ok(
                        "apply",
                        "-f",
                        write("widget.yaml", WIDGET.replace("SIZE", "1")).toString()))
                .contains("widget.example.com/small created");
        write("widget.yaml", WIDGET.replace("SIZE", "2"));
        assertThat(kubectl.ok("apply", "-f", directory.resolve("widget.yaml").toString()))
                .contains("widget.example.com/small configured");

        JsonNode list = json(kubectl.ok("get", "wd", "-A", "-l", "app=web", "-o", "json"));
        assertThat(names(list.toString())).containsExactly("small");
        assertThat(list.path("items").get(0).path("spec").path("size").asInt()).isEqualTo(2);
        assertThat(kubectl.ok("api-resources", "--api-group=example.com")).contains("widgets", "Widget");

        kubectl.ok("delete", "crd", "widgets.example.com");

        assertThat(kubectl.ok("api-resources")).doesNotContain("example.com");
        kubectl.ok("apply", "-f", write("crd.yaml", CRD).toString());
        assertThat(json(kubectl.ok("get", "widgets", "-A", "-o", "json")).path("items"))
                .as("a definition's objects go with it")
                .isEmpty();
    }

    @Test
    void deletingANamespaceDeletesWhatIsInIt() throws IOException {
        kubectl.ok("create", "namespace", "team-a");
        kubectl.ok("create", "namespace", "team-b");
        kubectl.ok("create", "configmap", "settings", "-n", "team-a", "--from-literal=color=blue");
        kubectl.ok("create", "configmap", "settings", "-n", "team-b", "--from-literal=color=red");
        kubectl.ok(
                "apply",
                "-f",
                write("policy.yaml", POLICY.replace("PORT", "53")).toString());

        JsonNode configMap = json(kubectl.ok("get", "configmap", "settings", "-n", "team-a", "-o", "json"));
        assertThat(configMap.path("data").path("color").asText()).isEqualTo("blue");

        kubectl.ok("delete", "namespace", "team-a");

        assertThat(namespaces(kubectl.ok("get", "configmaps", "-A", "-o", "json")))
                .containsExactly("team-b");
        assertThat(json(kubectl.ok("get", "networkpolicies", "-A", "-o", "json"))
                        .path("items"))
                .isEmpty();
    }

    @Test
    void anObjectInANamespaceThatDoesNotExistIsNotFound() {
        Kubectl.Run run = kubectl.run("create", "configmap", "settings", "-n", "nowhere", "--from-literal=a=b");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("namespaces \"nowhere\" not found");
    }

    @Test
    void theReadOnlyContextMayReadButNotWrite() {
        kubectl.ok("create", "namespace", "team-a");

        assertThat(kubectl.ok("--context", "kube-sim-readonly", "get", "namespaces"))
                .contains("team-a");
        Kubectl.Run refused = kubectl.run("--context", "kube-sim-readonly", "delete", "namespace", "team-a");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err())
                .contains("Forbidden")
                .contains("User \"kube-sim-readonly\" cannot delete resource \"namespaces\"");
    }

    @Test
    void aRequestWithoutTheTokenIsUnauthorized() {
        Kubectl.Run run = kubectl.run("--token", "not-the-token", "get", "namespaces");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("You must be logged in to the server");
    }

    @Test
    void aForbiddenVerbIsRefusedToEveryUser() throws IOException {
        simulator.close();
        simulator = KubeSimulator.start(KubeSimulatorConfig.defaults()
                .withDataDirectory(directory.resolve("data"))
                .withForbidden(List.of("create:networkpolicies")));
        kubectl = new Kubectl(simulator.kubeconfigFile().orElseThrow(), directory);
        kubectl.ok("create", "namespace", "team-a");

        Kubectl.Run run = kubectl.run(
                "create",
                "-f",
                write("policy.yaml", POLICY.replace("PORT", "53")).toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err())
                .contains("networkpolicies is forbidden: User \"kube-sim-admin\" cannot create resource"
                        + " \"networkpolicies\" in API group \"networking.k8s.io\" in the namespace \"team-a\"");
    }

    private List<String> labels(String kind, String name) {
        JsonNode object = json(kubectl.ok("get", kind, name, "-n", "team-a", "-o", "json"));
        List<String> keys = new ArrayList<>();
        object.path("metadata").path("labels").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }

    private static List<String> names(String listJson) {
        List<String> names = new ArrayList<>();
        json(listJson)
                .path("items")
                .forEach(i -> names.add(i.path("metadata").path("name").asText()));
        return names;
    }

    private static List<String> namespaces(String listJson) {
        List<String> namespaces = new ArrayList<>();
        json(listJson)
                .path("items")
                .forEach(
                        i -> namespaces.add(i.path("metadata").path("namespace").asText()));
        return namespaces;
    }

    private static JsonNode json(String text) {
        try {
            return ExactJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("kubectl printed no JSON: " + text, e);
        }
    }
}
