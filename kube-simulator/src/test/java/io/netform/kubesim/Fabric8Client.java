package io.netform.kubesim;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** A fabric8 client of a running simulator, from the kubeconfig it wrote, to edit the cluster as kubectl would. */
public final class Fabric8Client {

    private Fabric8Client() {}

    /** A client of the kubeconfig's current context, the admin user's. */
    public static KubernetesClient of(KubeSimulator simulator) {
        return of(simulator, null);
    }

    /** A client of a context of the kubeconfig (null: the current one); the simulator needs a data directory. */
    public static KubernetesClient of(KubeSimulator simulator, String context) {
        Config config = Config.fromKubeconfig(
                context, simulator.kubeconfigFile().orElseThrow().toFile());
        // the simulator streams watches over HTTP only: without this, fabric8 retries a WebSocket first
        config.setOnlyHttpWatches(true);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
