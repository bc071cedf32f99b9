package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DataSource;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code nsxt_policy_realization_info}: how NSX realized the object at a policy path, waiting (as
 * terraform-provider-nsxt does) until the realized entity, of the given type or else the first,
 * is REALIZED or in ERROR.
 */
final class RealizationInfoDataSource implements DataSource {

    private static final long DEFAULT_TIMEOUT_SECONDS = 1200;
    private static final String PENDING = "UNKNOWN";

    private final Supplier<PolicyClient> client;

    RealizationInfoDataSource(Supplier<PolicyClient> client) {
        this.client = client;
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of(
                        SchemaAttribute.string("id")
                                .computed()
                                .describedAs("The policy path, as the data source's id."),
                        SchemaAttribute.string("path").required().describedAs("The policy path of the object."),
                        SchemaAttribute.string("entity_type")
                                .optionalComputed()
                                .describedAs(
                                        "The type of realized entity to report, e.g. RealizedLogicalRouter; the first "
                                                + "entity when unset."),
                        SchemaAttribute.string("site_path")
                                .optional()
                                .describedAs("The site the object is realized on."),
                        SchemaAttribute.number("timeout")
                                .optional()
                                .describedAs("How long to wait for realization, in seconds. Default 1200."),
                        SchemaAttribute.string("state")
                                .computed()
                                .describedAs("REALIZED, ERROR, or the pending state."),
                        SchemaAttribute.string("realized_id").computed().describedAs("The ID of the realized entity."))
                .describedAs("The realization of a policy object."));
    }

    @Override
    public Value read(Value config) {
        String path = config.getAttr("path").asString();
        String entityType = text(config.getAttr("entity_type"));
        Value timeout = config.getAttr("timeout");
        Duration wait = Duration.ofSeconds(timeout.isNull() ? DEFAULT_TIMEOUT_SECONDS : timeout.asLong());
        ObjectNode entity;
        try {
            List<ObjectNode> entities = client.get()
                    .awaitSettled(
                            path, text(config.getAttr("site_path")), wait, found -> stateOf(chosen(found, entityType)));
            entity = chosen(entities, entityType);
        } catch (NsxApiException e) {
            throw new DiagnosticException("Cannot read the realization of " + path, e.detail());
        }
        Map<String, Value> values = new LinkedHashMap<>(config.asMap());
        values.put("id", Value.string(path));
        values.put("entity_type", Value.string(entity.path("entity_type").asText()));
        values.put("state", Value.string(stateOf(entity)));
        values.put(
                "realized_id",
                Value.string(entity.path("realization_specific_identifier").asText("")));
        return Value.object(values);
    }

    @Override
    public void validate(Value config) {
        Value timeout = config.getAttr("timeout");
        if (timeout.isKnown() && !timeout.isNull() && timeout.asLong() < 1) {
            throw new DiagnosticException(
                    "Invalid timeout", "timeout must be at least 1 second.", AttributePath.of("timeout"));
        }
    }

    /** The entity of the type, or the first one when no type is asked for; null when there is none yet. */
    private static ObjectNode chosen(List<ObjectNode> entities, String entityType) {
        return entities.stream()
                .filter(e ->
                        entityType == null || e.path("entity_type").asText().equals(entityType))
                .findFirst()
                .orElse(null);
    }

    private static String stateOf(ObjectNode entity) {
        return entity == null ? PENDING : entity.path("state").asText(PENDING);
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
