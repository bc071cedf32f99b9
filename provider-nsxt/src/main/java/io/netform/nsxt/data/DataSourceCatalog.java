package io.netform.nsxt.data;

import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DataSource;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Every data source of the provider, by type name. */
public final class DataSourceCatalog {

    private DataSourceCatalog() {}

    /** The data sources, each calling NSX through the client the provider configures. */
    public static Map<String, DataSource> all(Supplier<PolicyClient> client) {
        Map<String, DataSource> all = new TreeMap<>();
        all.put(
                "nsxt_policy_tier0_gateway",
                new SearchDataSource(
                        "nsxt_policy_tier0_gateway",
                        "Tier0",
                        SearchDataSource.lookupFields()
                                .add(SchemaAttribute.string("edge_cluster_path").computed())
                                .add(SchemaAttribute.string("ha_mode").computed()),
                        client));
        all.put("nsxt_policy_edge_cluster", new EdgeClusterDataSource(client));
        all.put("nsxt_policy_edge_node", new EdgeNodeDataSource(client));
        all.put("nsxt_policy_group", new GroupDataSource(client));
        all.put("nsxt_policy_lb_app_profile", LbProfileLookup.appProfiles(client));
        all.put("nsxt_policy_lb_monitor", LbProfileLookup.monitors(client));
        all.put(
                "nsxt_policy_service",
                new SearchDataSource("nsxt_policy_service", "Service", SearchDataSource.lookupFields(), client));
        all.put("nsxt_policy_realization_info", new RealizationInfoDataSource(client));
        all.put("nsxt_policy_tier1_gateway", new Tier1GatewayDataSource(client));
        all.put("nsxt_policy_tier1_gateway_ha_status", new Tier1HaStatusDataSource(client));
        all.put("nsxt_policy_transport_zone", new TransportZoneDataSource(client));
        all.put("nsxt_policy_traceflow", new TraceflowDataSource(client));
        return all;
    }

    /** Transport zones, optionally narrowed to the default one of a transport type. */
    private static final class TransportZoneDataSource extends SearchDataSource {
        TransportZoneDataSource(Supplier<PolicyClient> client) {
            super(
                    "nsxt_policy_transport_zone",
                    "PolicyTransportZone",
                    lookupFields()
                            .add(SchemaAttribute.bool("is_default")
                                    .optionalComputed()
                                    .describedAs("Find the default transport zone of the transport type."))
                            .add(
                                    SchemaAttribute.string("transport_type")
                                            .optionalComputed()
                                            .describedAs("OVERLAY_STANDARD, OVERLAY_ENS, VLAN_BACKED, ..."),
                                    "tz_type")
                            .add(SchemaAttribute.string("realized_id").computed(), "id"),
                    client);
        }

        @Override
        protected List<String> extraTerms(Value config) {
            List<String> terms = new java.util.ArrayList<>();
            if (!config.getAttr("is_default").isNull()) {
                terms.add("is_default:" + config.getAttr("is_default").asBoolean());
            }
            if (!config.getAttr("transport_type").isNull()) {
                terms.add("tz_type:" + escape(config.getAttr("transport_type").asString()));
            }
            return terms;
        }
    }
}
