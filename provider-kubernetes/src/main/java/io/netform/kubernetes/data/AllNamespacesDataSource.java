package io.netform.kubernetes.data;

import io.netform.kubernetes.Cluster;
import io.netform.kubernetes.Kind;
import io.netform.provider.DataSource;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code data "kubernetes_all_namespaces"}: the names of every namespace from one list call; its id
 * is the hex SHA-256 of the names joined, as the real provider computes it.
 */
public final class AllNamespacesDataSource implements DataSource {

    private final Supplier<Cluster> cluster;

    AllNamespacesDataSource(Supplier<Cluster> cluster) {
        this.cluster = cluster;
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of(
                SchemaAttribute.string("id").computed(),
                SchemaAttribute.of("namespaces", Type.list(Type.STRING))
                        .computed()
                        .describedAs("The names of all namespaces.")));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Value read(Value config) {
        List<Value> names = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        for (Map<String, Object> namespace : cluster.get().list(Kind.NAMESPACE, null, null, null, null)) {
            String name = (String) ((Map<String, Object>) namespace.get("metadata")).get("name");
            names.add(Value.string(name));
            joined.append(name);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return Value.object(Map.of(
                    "id", Value.string(HexFormat.of().formatHex(digest)),
                    "namespaces", Value.list(Type.STRING, names)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
