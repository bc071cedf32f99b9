package io.netform.kubernetes.resource;

import io.netform.kubernetes.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a workload's rollout is complete, judged from the object as {@code kubectl rollout status}
 * judges it: for a Deployment, DaemonSet or StatefulSet of {@code apps/v1}, by its generation, its
 * observed generation and its replica counts.
 */
final class Rollout {

    /** The kinds that have a rollout; the real provider waits on the same ones. */
    static final Set<String> KINDS = Set.of("Deployment", "DaemonSet", "StatefulSet");

    /** Where the rollout stands. */
    sealed interface Status {
        /** Complete. */
        record Done() implements Status {}

        /** Still going, and why. */
        record Waiting(String reason) implements Status {}

        /** Will not complete by waiting, and why. */
        record Failed(String reason) implements Status {}
    }

    private Rollout() {}

    /** Whether objects of the kind have a rollout to wait for. */
    static boolean applies(Kind kind) {
        return kind.group().equals("apps") && KINDS.contains(kind.kind());
    }

    /** The rollout status of a Deployment, DaemonSet or StatefulSet as the API server returned it. */
    static Status of(Map<String, Object> object) {
        return switch (String.valueOf(object.get("kind"))) {
            case "Deployment" -> deployment(object);
            case "DaemonSet" -> daemonSet(object);
            default -> statefulSet(object);
        };
    }

    private static Status deployment(Map<String, Object> object) {
        String name = name(object);
        if (number(object, "metadata", "generation") > number(object, "status", "observedGeneration")) {
            return new Status.Waiting("Waiting for deployment spec update to be observed...");
        }
        Object conditions = at(object, "status", "conditions");
        if (conditions instanceof List<?> list
                && list.stream()
                        .anyMatch(c -> c instanceof Map<?, ?> condition
                                && "Progressing".equals(condition.get("type"))
                                && "ProgressDeadlineExceeded".equals(condition.get("reason")))) {
            return new Status.Failed("deployment \"" + name + "\" exceeded its progress deadline");
        }
        Long replicas = optional(object, "spec", "replicas");
        long updated = number(object, "status", "updatedReplicas");
        if (replicas != null && updated < replicas) {
            return new Status.Waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + updated
                    + " out of " + replicas + " new replicas have been updated...");
        }
        long current = number(object, "status", "replicas");
        if (current > updated) {
            return new Status.Waiting("Waiting for deployment \"" + name + "\" rollout to finish: "
                    + (current - updated) + " old replicas are pending termination...");
        }
        long available = number(object, "status", "availableReplicas");
        if (available < updated) {
            return new Status.Waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + available + " of "
                    + updated + " updated replicas are available...");
        }
        return new Status.Done();
    }

    private static Status daemonSet(Map<String, Object> object) {
        if (!rollingUpdate(object)) {
            return new Status.Failed("rollout status is only available for RollingUpdate strategy type");
        }
        String name = name(object);
        if (number(object, "metadata", "generation") > number(object, "status", "observedGeneration")) {
            return new Status.Waiting("Waiting for daemon set spec update to be observed...");
        }
        long desired = number(object, "status", "desiredNumberScheduled");
        long updated = number(object, "status", "updatedNumberScheduled");
        if (updated < desired) {
            return new Status.Waiting("Waiting for daemon set \"" + name + "\" rollout to finish: " + updated
                    + " out of " + desired + " new pods have been updated...");
        }
        long available = number(object, "status", "numberAvailable");
        if (available < desired) {
            return new Status.Waiting("Waiting for daemon set \"" + name + "\" rollout to finish: " + available + " of "
                    + desired + " updated pods are available...");
        }
        return new Status.Done();
    }

    private static Status statefulSet(Map<String, Object> object) {
        if (!rollingUpdate(object)) {
            return new Status.Failed("rollout status is only available for RollingUpdate strategy type");
        }
        long observed = number(object, "status", "observedGeneration");
        if (observed == 0 || number(object, "metadata", "generation") > observed) {
            return new Status.Waiting("Waiting for statefulset spec update to be observed...");
        }
        Long replicas = optional(object, "spec", "replicas");
        long ready = number(object, "status", "readyReplicas");
        if (replicas != null && ready < replicas) {
            return new Status.Waiting("Waiting for " + (replicas - ready) + " pods to be ready...");
        }
        long updated = number(object, "status", "updatedReplicas");
        if (at(object, "spec", "updateStrategy", "rollingUpdate") != null) {
            Long partition = optional(object, "spec", "updateStrategy", "rollingUpdate", "partition");
            if (replicas != null && partition != null && updated < replicas - partition) {
                return new Status.Waiting("Waiting for partitioned roll out to finish: " + updated + " out of "
                        + (replicas - partition) + " new pods have been updated...");
            }
            return new Status.Done();
        }
        Object updateRevision = at(object, "status", "updateRevision");
        if (updateRevision != null && !updateRevision.equals(at(object, "status", "currentRevision"))) {
            return new Status.Waiting("waiting for statefulset rolling update to complete " + updated
                    + " pods at revision " + updateRevision + "...");
        }
        return new Status.Done();
    }

    /** The update strategy is RollingUpdate, which the API server sets when the manifest names none. */
    private static boolean rollingUpdate(Map<String, Object> object) {
        Object type = at(object, "spec", "updateStrategy", "type");
        return type == null || "RollingUpdate".equals(type);
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(at(object, "metadata", "name"));
    }

    private static long number(Map<String, Object> object, String... path) {
        Long value = optional(object, path);
        return value == null ? 0 : value;
    }

    private static Long optional(Map<String, Object> object, String... path) {
        return at(object, path) instanceof Number number ? number.longValue() : null;
    }

    private static Object at(Map<String, Object> object, String... path) {
        Object current = object;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }
}
