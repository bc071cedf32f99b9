package io.netform.kubernetes.data;

import io.netform.kubernetes.Cluster;
import io.netform.provider.DataSource;
import java.util.Map;
import java.util.function.Supplier;

/** The provider's data sources by name. */
public final class DataSourceCatalog {

    private DataSourceCatalog() {}

    public static Map<String, DataSource> all(Supplier<Cluster> cluster) {
        return Map.of(
                "kubernetes_namespace_v1",
                new NamespaceDataSource(cluster, ""),
                "kubernetes_namespace",
                new NamespaceDataSource(cluster, "Deprecated; use kubernetes_namespace_v1."),
                "kubernetes_all_namespaces",
                new AllNamespacesDataSource(cluster),
                "kubernetes_resources",
                new ResourcesDataSource(cluster));
    }
}
