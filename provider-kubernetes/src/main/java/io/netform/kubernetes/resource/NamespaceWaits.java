package io.netform.kubernetes.resource;

import io.netform.kubernetes.Cluster;
import io.netform.kubernetes.Kind;
import io.netform.provider.DiagnosticException;
import io.netform.value.Value;
import java.time.Duration;
import java.util.Map;

/**
 * A namespace's waits, as terraform-provider-kubernetes has them: after create, for its
 * {@code default} service account when {@code wait_for_default_service_account} is set; after
 * delete, until the namespace is gone (no longer Terminating), up to {@code timeouts.delete}
 * (default 5 minutes).
 */
record NamespaceWaits(Polling polling) implements Waits {

    static final Duration DELETE_TIMEOUT = Duration.ofMinutes(5);
    /** Terraform's default create timeout, which bounds the wait for the service account. */
    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(20);

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> afterCreate(Cluster cluster, Map<String, Object> created, Value planned) {
        Value wait = planned.getAttr("wait_for_default_service_account");
        if (wait.isNull() || !wait.asBoolean()) {
            return created;
        }
        String name = (String) ((Map<String, Object>) created.get("metadata")).get("name");
        if (!polling.until(CREATE_TIMEOUT, () -> cluster.get(Kind.SERVICE_ACCOUNT, name, "default") != null)) {
            throw new DiagnosticException(
                    "Timed out waiting for the default service account",
                    "The namespace " + name + " was created but its service account \"default\" did not appear"
                            + " within " + CREATE_TIMEOUT.toMinutes() + " minutes.");
        }
        return created;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterDelete(Cluster cluster, String namespace, String name, Value prior) {
        Duration timeout = Timeouts.of(prior, "delete", DELETE_TIMEOUT);
        Map<String, Object>[] last = new Map[1];
        boolean gone = polling.until(timeout, () -> {
            last[0] = cluster.get(Kind.NAMESPACE, null, name);
            return last[0] == null;
        });
        if (!gone) {
            Map<String, Object> spec = (Map<String, Object>) last[0].getOrDefault("spec", Map.of());
            Map<String, Object> metadata = (Map<String, Object>) last[0].getOrDefault("metadata", Map.of());
            throw new DiagnosticException(
                    "Timed out waiting for the namespace to be deleted",
                    "The namespace " + name + " is still Terminating after "
                            + timeout.toString().substring(2).toLowerCase()
                            + " (finalizers: "
                            + metadata.getOrDefault("finalizers", spec.getOrDefault("finalizers", "[]"))
                            + "). Something in it still holds it; raise timeouts { delete = ... } or remove what blocks it.");
        }
    }
}
