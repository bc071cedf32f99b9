package io.netform.nsxt.data;

import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.PolicyClient;
import io.netform.nsxt.resource.GatewayEdgeCluster;
import io.netform.provider.DiagnosticException;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code nsxt_policy_tier1_gateway}: a tier-1 gateway by id or display name, with its edge cluster. */
final class Tier1GatewayDataSource extends SearchDataSource {

    private final Supplier<PolicyClient> client;

    Tier1GatewayDataSource(Supplier<PolicyClient> client) {
        super(
                "nsxt_policy_tier1_gateway",
                "Tier1",
                lookupFields()
                        .add(SchemaAttribute.string("edge_cluster_path")
                                .optionalComputed()
                                .describedAs("The edge cluster of the gateway's locale service.")),
                client);
        this.client = client;
    }

    @Override
    public Value read(Value config) {
        Value found = super.read(config);
        if (!found.getAttr("edge_cluster_path").isNull()) {
            return found;
        }
        String path = found.getAttr("path").asString();
        try {
            Map<String, Value> values = new LinkedHashMap<>(found.asMap());
            GatewayEdgeCluster.of(client.get(), path)
                    .ifPresent(edge -> values.put("edge_cluster_path", Value.string(edge)));
            return Value.object(values);
        } catch (NsxApiException e) {
            throw new DiagnosticException("Cannot read the locale services of " + path, e.detail());
        }
    }
}
