package io.netform.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.provider.DiagnosticException;
import io.netform.provider.ResourceType;
import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The testing_object resource: objects in the {@link TestingStore}, nothing else. */
final class TestingObject implements ResourceType {

    static final Schema SCHEMA = Schema.of(SchemaBlock.of(
                    SchemaAttribute.string("name").required().forceNew(),
                    SchemaAttribute.string("value").optional(),
                    SchemaAttribute.string("secret").optional().sensitive(),
                    SchemaAttribute.of("tags", Type.map(Type.STRING)).optional(),
                    SchemaAttribute.bool("fail_on_create")
                            .optional()
                            .describedAs("When true, creating the object fails with an error."),
                    SchemaAttribute.string("id").computed(),
                    SchemaAttribute.string("created_at")
                            .computed()
                            .describedAs("When the object was created, RFC 3339 with nanoseconds."))
            .with(NestedBlock.list(
                    "item",
                    SchemaBlock.of(
                            SchemaAttribute.string("key").optional(),
                            SchemaAttribute.string("value").optional()))));

    private static final Type TYPE = SCHEMA.impliedType();
    private static final DateTimeFormatter RFC_3339_NANOS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final TestingStore store;
    private final Latency latency;

    TestingObject(TestingStore store, Latency latency) {
        this.store = store;
        this.latency = latency;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    /** Validating and planning wait out the latency too; without one they only compute. */
    @Override
    public boolean computesOffline() {
        return latency.isNone();
    }

    @Override
    public void validate(Value config) {
        latency.pause();
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        latency.pause();
        return planned;
    }

    @Override
    public Value create(Value planned, Value config) {
        latency.pause();
        Value fail = config.getAttr("fail_on_create");
        if (!fail.isNull() && fail.asBoolean()) {
            throw new DiagnosticException(
                    "Creation failed",
                    "The object \"" + planned.getAttr("name").asString() + "\" was asked to fail (fail_on_create).",
                    AttributePath.of("fail_on_create"));
        }
        // The id follows from the name, as NSX objects take the ID the client chooses: a create repeated after
        // the engine was killed mid-apply finds the object it made and adopts it rather than making a second one.
        String id = UUID.nameUUIDFromBytes(
                        ("testing_object/" + planned.getAttr("name").asString())
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        Map<String, Value> created = new TreeMap<>(planned.asMap());
        created.put("id", Value.string(id));
        created.put(
                "created_at",
                load(id).map(existing -> existing.getAttr("created_at"))
                        .orElseGet(() -> Value.string(RFC_3339_NANOS.format(Instant.now()))));
        return save(Value.object(created));
    }

    @Override
    public Value read(Value current) {
        latency.pause();
        return load(current.getAttr("id").asString()).orElse(Value.nullOf(TYPE));
    }

    @Override
    public Value update(Value prior, Value planned, Value config) {
        latency.pause();
        return save(planned);
    }

    @Override
    public void delete(Value prior) {
        latency.pause();
        store.remove(prior.getAttr("id").asString());
    }

    @Override
    public Value importState(String id) {
        latency.pause();
        return load(id).orElseThrow(() -> new DiagnosticException(
                "Cannot import non-existent remote object", "There is no testing_object with id \"" + id + "\"."));
    }

    private Value save(Value object) {
        try {
            JsonNode json = CtyJson.toNode(object, TYPE);
            store.put(object.getAttr("id").asString(), json);
            return object;
        } catch (CodecException e) {
            throw new IllegalStateException("a testing_object cannot be stored: " + e.getMessage(), e);
        }
    }

    private Optional<Value> load(String id) {
        Optional<JsonNode> stored = store.get(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CtyJson.fromNode(stored.get(), TYPE));
        } catch (CodecException e) {
            throw new DiagnosticException(
                    "Unreadable object in the testing store",
                    "The stored testing_object \"" + id + "\" does not fit the schema: " + e.getMessage());
        }
    }
}
