package io.netform.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small provider for the framework's tests: notes kept in memory, a resource that breaks the
 * apply contract on purpose, and an echo data source.
 */
final class NotesProvider implements Provider {

    static final Schema NOTE_SCHEMA = new Schema(
            1,
            SchemaBlock.of(
                            SchemaAttribute.string("name").required().forceNew(),
                            SchemaAttribute.string("body").optional(),
                            SchemaAttribute.string("secret").optional().sensitive(),
                            SchemaAttribute.of("tags", Type.map(Type.STRING)).optional(),
                            SchemaAttribute.string("colour").withDefault(Value.string("yellow")),
                            SchemaAttribute.string("id").computed(),
                            SchemaAttribute.number("revision").computed())
                    .with(NestedBlock.list(
                            "item",
                            SchemaBlock.of(
                                    SchemaAttribute.string("key").required(),
                                    SchemaAttribute.string("value").optional()))));

    static final Schema ECHO_SCHEMA = Schema.of(SchemaBlock.of(
            SchemaAttribute.of("input", Type.DYNAMIC).required(),
            SchemaAttribute.of("output", Type.DYNAMIC).computed()));

    private final Map<String, Value> notes = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile String prefix = "note";

    @Override
    public String name() {
        return "notes";
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of(SchemaAttribute.string("prefix").optional()));
    }

    @Override
    public void configure(Value config) {
        Value configured = config.getAttr("prefix");
        if (!configured.isNull()) {
            prefix = configured.asString();
        }
    }

    @Override
    public Map<String, ResourceType> resources() {
        return Map.of("notes_note", new Note(false), "notes_liar", new Note(true));
    }

    @Override
    public Map<String, DataSource> dataSources() {
        return Map.of("notes_echo", new DataSource() {
            @Override
            public Schema schema() {
                return ECHO_SCHEMA;
            }

            @Override
            public Value read(Value config) {
                return with(config, "output", config.getAttr("input"));
            }
        });
    }

    private static Value with(Value object, String name, Value value) {
        Map<String, Value> attributes = new TreeMap<>(object.asMap());
        attributes.put(name, value);
        return Value.object(attributes);
    }

    /** Notes; the liar rewrites the body it was planned to keep. */
    private final class Note implements ResourceType {

        private final boolean lies;

        Note(boolean lies) {
            this.lies = lies;
        }

        @Override
        public Schema schema() {
            return NOTE_SCHEMA;
        }

        @Override
        public void validate(Value config) {
            Value name = config.getAttr("name");
            if (name.isKnown() && !name.isNull() && name.asString().isBlank()) {
                throw new DiagnosticException(
                        "Invalid name", "A note needs a name that is not blank.", AttributePath.of("name"));
            }
        }

        @Override
        public Value create(Value planned, Value config) {
            String id = prefix + "-" + ids.incrementAndGet();
            Value created = with(with(planned, "id", Value.string(id)), "revision", Value.number(1));
            if (lies) {
                created = with(created, "body", Value.string("something else"));
            }
            notes.put(id, created);
            return created;
        }

        @Override
        public Value read(Value current) {
            Value stored = notes.get(current.getAttr("id").asString());
            return stored == null ? Value.nullOf(NOTE_SCHEMA.impliedType()) : stored;
        }

        @Override
        public Value update(Value prior, Value planned, Value config) {
            Value updated = with(
                    planned, "revision", Value.number(prior.getAttr("revision").asLong() + 1));
            notes.put(updated.getAttr("id").asString(), updated);
            return updated;
        }

        @Override
        public Value customizePlan(Value prior, Value planned, Value config) {
            // Every update makes a new revision.
            return prior.isNull() || prior.equals(planned)
                    ? planned
                    : with(planned, "revision", Value.unknown(Type.NUMBER));
        }

        @Override
        public void delete(Value prior) {
            notes.remove(prior.getAttr("id").asString());
        }

        @Override
        public Value importState(String id) {
            Map<String, Value> stub = new TreeMap<>();
            for (SchemaAttribute attribute : NOTE_SCHEMA.block().attributes().values()) {
                stub.put(attribute.name(), Value.nullOf(attribute.type()));
            }
            stub.put(
                    "item",
                    Value.nullOf(Type.list(
                            NOTE_SCHEMA.block().blockTypes().get("item").block().impliedType())));
            stub.put("id", Value.string(id));
            return Value.object(stub);
        }

        @Override
        public Value upgradeState(long storedVersion, JsonNode stored) {
            // Version 0 called the body "text".
            Map<String, Value> upgraded =
                    new TreeMap<>(importState(stored.path("id").asText()).asMap());
            upgraded.put("name", Value.string(stored.path("name").asText()));
            upgraded.put("body", Value.string(stored.path("text").asText()));
            upgraded.put("revision", Value.number(stored.path("revision").decimalValue()));
            return Value.object(upgraded);
        }
    }

    /** The provider as a plugin process. */
    static final class Plugin {
        private Plugin() {}

        public static void main(String[] args) {
            ProviderServer.serve(new NotesProvider());
        }
    }
}
