package io.netform.kubernetes.data;

import io.netform.kubernetes.Cluster;
import io.netform.kubernetes.Kind;
import io.netform.kubernetes.schema.PlainValues;
import io.netform.provider.DataSource;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code data "kubernetes_resources"}: the objects of one {@code api_version}/{@code kind} (built in or custom)
 * from one list call, filtered by namespace, label and field selectors and a limit, each returned
 * whole as a value ({@code objects[0].metadata.labels}).
 */
public final class ResourcesDataSource implements DataSource {

    private final Supplier<Cluster> cluster;

    ResourcesDataSource(Supplier<Cluster> cluster) {
        this.cluster = cluster;
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of(
                SchemaAttribute.string("api_version").required().describedAs("e.g. v1 or networking.k8s.io/v1."),
                SchemaAttribute.string("kind").required().describedAs("e.g. Namespace or NetworkPolicy."),
                SchemaAttribute.string("namespace")
                        .optional()
                        .describedAs("The namespace to list in; all namespaces when unset."),
                SchemaAttribute.string("label_selector").optional().describedAs("e.g. team=a,tier!=db."),
                SchemaAttribute.string("field_selector").optional().describedAs("e.g. metadata.name=web."),
                SchemaAttribute.number("limit").optional().describedAs("The most objects to return."),
                SchemaAttribute.of("objects", Type.DYNAMIC)
                        .computed()
                        .describedAs("The objects as the API server returns them.")));
    }

    @Override
    public Value read(Value config) {
        Kind kind = cluster.get()
                .kind(
                        config.getAttr("api_version").asString(),
                        config.getAttr("kind").asString());
        List<Value> objects = new ArrayList<>();
        cluster.get()
                .list(
                        kind,
                        text(config, "namespace"),
                        text(config, "label_selector"),
                        text(config, "field_selector"),
                        config.getAttr("limit").isNull()
                                ? null
                                : config.getAttr("limit").asLong())
                .forEach(object -> objects.add(PlainValues.fromAnyPlain(object)));
        return config.withAttributes(Map.of("objects", Value.tuple(objects)));
    }

    private static String text(Value config, String name) {
        return config.getAttr(name).isNull() ? null : config.getAttr(name).asString();
    }
}
