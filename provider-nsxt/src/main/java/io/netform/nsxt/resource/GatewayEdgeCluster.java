package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.List;
import java.util.Optional;

/**
 * The edge cluster of a gateway, which NSX keeps in the gateway's locale service: the one with
 * terraform-provider-nsxt's id {@code default}, else the first there is.
 */
public final class GatewayEdgeCluster {

    /** The id of the locale service terraform-provider-nsxt writes. */
    static final String LOCALE_SERVICE = "default";

    private GatewayEdgeCluster() {}

    /** The edge cluster path of the gateway at the path, if its locale service names one. */
    public static Optional<String> of(PolicyClient client, String gatewayPath) {
        return localeService(client, gatewayPath)
                .filter(locale -> locale.hasNonNull("edge_cluster_path"))
                .map(locale -> locale.get("edge_cluster_path").asText());
    }

    /** The gateway's locale service: {@code default}, else the first there is. */
    static Optional<ObjectNode> localeService(PolicyClient client, String gatewayPath) {
        List<ObjectNode> locales = client.list(gatewayPath + "/locale-services");
        return locales.stream()
                .filter(l -> l.path("id").asText().equals(LOCALE_SERVICE))
                .findFirst()
                .or(() -> locales.stream().findFirst());
    }
}
