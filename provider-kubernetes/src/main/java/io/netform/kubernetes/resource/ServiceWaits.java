package io.netform.kubernetes.resource;

import io.netform.kubernetes.Cluster;
import io.netform.kubernetes.Kind;
import io.netform.provider.DiagnosticException;
import io.netform.value.Value;
import java.time.Duration;
import java.util.Map;

/**
 * A service of type LoadBalancer waits after create, unless {@code wait_for_load_balancer = false},
 * until its load balancer has an ingress address, up to {@code timeouts.create} (default 10 minutes).
 */
record ServiceWaits(Polling polling) implements Waits {

    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> afterCreate(Cluster cluster, Map<String, Object> created, Value planned) {
        Value spec = planned.getAttr("spec").elements().get(0);
        Value wait = planned.getAttr("wait_for_load_balancer");
        if (!"LoadBalancer".equals(spec.getAttr("type").asString()) || !wait.isNull() && !wait.asBoolean()) {
            return created;
        }
        Map<String, Object> metadata = (Map<String, Object>) created.get("metadata");
        String namespace = (String) metadata.get("namespace");
        String name = (String) metadata.get("name");
        Duration timeout = Timeouts.of(planned, "create", CREATE_TIMEOUT);
        Map<String, Object>[] last = new Map[] {created};
        boolean ready = polling.until(timeout, () -> {
            last[0] = cluster.get(Kind.SERVICE, namespace, name);
            return last[0] != null && !ServiceSpec.ingress(last[0]).isEmpty();
        });
        if (!ready) {
            throw new DiagnosticException(
                    "Timed out waiting for the load balancer",
                    "The service " + namespace + "/" + name + " was created but got no load balancer ingress address"
                            + " within " + timeout.toString().substring(2).toLowerCase() + ". Without a load balancer"
                            + " controller (kind, minikube, bare metal) set wait_for_load_balancer = false.");
        }
        return last[0];
    }
}
