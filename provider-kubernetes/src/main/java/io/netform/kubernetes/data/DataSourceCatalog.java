package io.netform.kubernetes.data;

import io.netform.kubernetes.Cluster;
import io.netform.provider.DataSource;
import java.util.Map;
import java.util.function.Supplier;

/** The provider's data sources by name. */
public final class DataSourceCatalog {

    private DataSourceCatalog() {}

    public static Map<String, DataSource> all(Supplier<Cluster> cluster) {
        NamespaceDataSource namespace = new NamespaceDataSource(cluster);
        return Map.of(
                "kubernetes_namespace_v1",
                namespace,
                "kubernetes_namespace",
                namespace,
                "kubernetes_all_namespaces",
                new AllNamespacesDataSource(cluster),
                "kubernetes_resources",
                new ResourcesDataSource(cluster));
    }
}
