package io.netform.kubernetes.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When kubectl rollout status, and so wait { rollout = true }, counts a workload as rolled out. */
class RolloutTest {

    private static Map<String, Object> object(String kind, Map<String, Object> spec, Map<String, Object> status) {
        return Map.of("kind", kind, "metadata", Map.of("name", "web", "generation", 2), "spec", spec, "status", status);
    }

    @Test
    void aDeploymentWaitsForItsNewGenerationToBeObservedAndItsReplicasUpdatedAndAvailable() {
        Map<String, Object> spec = Map.of("replicas", 3);

        assertThat(Rollout.of(object("Deployment", spec, Map.of("observedGeneration", 1))))
                .isEqualTo(new Rollout.Status.Waiting("Waiting for deployment spec update to be observed..."));
        assertThat(Rollout.of(object(
                        "Deployment",
                        spec,
                        Map.of("observedGeneration", 2, "replicas", 4, "updatedReplicas", 3, "availableReplicas", 3))))
                .isEqualTo(new Rollout.Status.Waiting(
                        "Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination..."));
        assertThat(Rollout.of(object(
                        "Deployment",
                        spec,
                        Map.of("observedGeneration", 2, "replicas", 3, "updatedReplicas", 3, "availableReplicas", 3))))
                .isEqualTo(new Rollout.Status.Done());
    }

    @Test
    void aDeploymentPastItsProgressDeadlineHasFailed() {
        Map<String, Object> status = Map.of(
                "observedGeneration",
                2,
                "conditions",
                java.util.List.of(Map.of("type", "Progressing", "reason", "ProgressDeadlineExceeded")));

        assertThat(Rollout.of(object("Deployment", Map.of("replicas", 1), status)))
                .isEqualTo(new Rollout.Status.Failed("deployment \"web\" exceeded its progress deadline"));
    }

    @Test
    void aStatefulSetWaitsForReadyPodsAndItsPartition() {
        Map<String, Object> partitioned = Map.of(
                "replicas",
                3,
                "updateStrategy",
                Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("partition", 1)));

        assertThat(Rollout.of(object(
                        "StatefulSet",
                        partitioned,
                        Map.of("observedGeneration", 2, "readyReplicas", 3, "updatedReplicas", 1))))
                .isEqualTo(new Rollout.Status.Waiting(
                        "Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated..."));
        assertThat(Rollout.of(object(
                        "StatefulSet",
                        partitioned,
                        Map.of("observedGeneration", 2, "readyReplicas", 3, "updatedReplicas", 2))))
                .isEqualTo(new Rollout.Status.Done());
        assertThat(Rollout.of(object(
                        "StatefulSet",
                        Map.of("replicas", 3),
                        Map.of(
                                "observedGeneration",
                                2,
                                "readyReplicas",
                                3,
                                "updateRevision",
                                "b",
                                "currentRevision",
                                "a"))))
                .isInstanceOf(Rollout.Status.Waiting.class);
    }

    @Test
    void aDaemonSetWaitsForEveryScheduledPodAndAnOnDeleteOneHasNoRollout() {
        assertThat(Rollout.of(object(
                        "DaemonSet",
                        Map.of(),
                        Map.of(
                                "observedGeneration",
                                2,
                                "desiredNumberScheduled",
                                4,
                                "updatedNumberScheduled",
                                4,
                                "numberAvailable",
                                3))))
                .isEqualTo(new Rollout.Status.Waiting(
                        "Waiting for daemon set \"web\" rollout to finish: 3 of 4 updated pods are available..."));
        assertThat(Rollout.of(object(
                        "DaemonSet",
                        Map.of("updateStrategy", Map.of("type", "OnDelete")),
                        Map.of("observedGeneration", 2))))
                .isEqualTo(
                        new Rollout.Status.Failed("rollout status is only available for RollingUpdate strategy type"));
    }
}
