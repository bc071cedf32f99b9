package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.netform.kubesim.Fabric8Client;
import io.netform.kubesim.KubeSimulator;
import io.netform.kubesim.KubeSimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration written for hashicorp/kubernetes, through the CLI run in-process with the bundled
 * kubernetes provider, against a real HTTPS Kubernetes API (kube-sim in the test JVM, found through
 * {@code KUBE_CONFIG_PATH}): apply, a label edited behind Netform's back as drift, and destroy.
 */
class KubernetesProviderIT {

    private static final String CONFIG = """
            terraform {
              required_providers {
                kubernetes = { source = "hashicorp/kubernetes" }
              }
            }

            provider "kubernetes" {}

            resource "kubernetes_namespace_v1" "team" {
              metadata {
                name   = "team-a"
                labels = { team = "a" }
              }
            }

            resource "kubernetes_network_policy_v1" "deny" {
              metadata {
                name      = "default-deny"
                namespace = kubernetes_namespace_v1.team.metadata[0].name
              }
              spec {
                pod_selector {}
                policy_types = ["Ingress", "Egress"]
                egress {
                  to {
                    namespace_selector {
                      match_labels = { "kubernetes.io/metadata.name" = "kube-system" }
                    }
                  }
                  ports {
                    port     = "53"
                    protocol = "UDP"
                  }
                }
              }
            }

            data "kubernetes_all_namespaces" "all" {
              depends_on = [kubernetes_namespace_v1.team]
            }

            output "namespaces" {
              value = data.kubernetes_all_namespaces.all.namespaces
            }
            """;

    @TempDir
    Path dir;

    private KubeSimulator cluster;
    private KubernetesClient kubectl;

    @BeforeEach
    void startCluster() {
        cluster = KubeSimulator.start(KubeSimulatorConfig.defaults().withDataDirectory(dir.resolve(".kube-sim")));
        kubectl = Fabric8Client.of(cluster);
    }

    @AfterEach
    void stopCluster() {
        kubectl.close();
        cluster.close();
    }

    @Test
    void appliesANamespaceAndPolicyAndShowsALabelEditedThroughTheApiAsDrift() throws Exception {
        Files.writeString(dir.resolve("main.tf"), CONFIG);
        Workspace w = Workspace.inProcess(
                dir,
                Map.of(
                        "KUBE_CONFIG_PATH",
                        cluster.kubeconfigFile().orElseThrow().toString()));
        w.ok("init");

        assertThat(w.ok("apply", "-auto-approve", "-no-color").out())
                .contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.")
                .contains("\"team-a\"");
        var policy = kubectl.network()
                .v1()
                .networkPolicies()
                .inNamespace("team-a")
                .withName("default-deny")
                .get();
        assertThat(policy.getSpec()
                        .getEgress()
                        .get(0)
                        .getPorts()
                        .get(0)
                        .getPort()
                        .getIntVal())
                .isEqualTo(53);
        assertThat(policy.getSpec().getPodSelector()).isNotNull();

        kubectl.namespaces()
                .withName("team-a")
                .edit(ns -> new NamespaceBuilder(ns)
                        .editMetadata()
                        .addToLabels("team", "b")
                        .endMetadata()
                        .build());
        var plan = w.run("plan", "-no-color", "-detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
        assertThat(plan.out())
                .contains("kubernetes_namespace_v1.team will be updated in-place")
                .contains("Plan: 0 to add, 1 to change, 0 to destroy.");

        w.ok("apply", "-auto-approve");
        assertThat(kubectl.namespaces().withName("team-a").get().getMetadata().getLabels())
                .containsEntry("team", "a");
        assertThat(w.run("plan", "-detailed-exitcode").exitCode()).isZero();

        w.ok("destroy", "-auto-approve");
        assertThat(kubectl.namespaces().withName("team-a").get()).isNull();
        assertThat(kubectl.network()
                        .v1()
                        .networkPolicies()
                        .inNamespace("team-a")
                        .list()
                        .getItems())
                .isEmpty();
    }

    @Test
    void aLegacyResourceNameWorksWithTheRealProvidersDeprecationWarning() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  required_providers {
                    kubernetes = { source = "hashicorp/kubernetes" }
                  }
                }

                resource "kubernetes_config_map" "settings" {
                  metadata {
                    name = "settings"
                  }
                  data = { color = "blue" }
                }
                """);
        Workspace w = Workspace.inProcess(
                dir,
                Map.of(
                        "KUBE_CONFIG_PATH",
                        cluster.kubeconfigFile().orElseThrow().toString()));
        w.ok("init");

        for (String command : new String[] {"validate", "plan"}) {
            var run = w.run(command, "-no-color");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out() + run.err())
                    .as(command)
                    .contains("Warning: Deprecated Resource")
                    .contains("with kubernetes_config_map.settings")
                    .contains("7 | resource \"kubernetes_config_map\" \"settings\" {")
                    .contains("Deprecated; use kubernetes_config_map_v1.");
        }
        assertThat(w.ok("apply", "-auto-approve", "-no-color").out()).contains("Apply complete! Resources: 1 added");
        assertThat(kubectl.configMaps()
                        .inNamespace("default")
                        .withName("settings")
                        .get()
                        .getData())
                .containsEntry("color", "blue");
    }
}
