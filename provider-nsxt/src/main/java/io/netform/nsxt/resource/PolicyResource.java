package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Field;
import io.netform.field.Fields;
import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DiagnosticException;
import io.netform.provider.ResourceType;
import io.netform.value.Value;
import io.netform.wire.Schema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The lifecycle every NSX policy resource shares, as terraform-provider-nsxt runs it: create
 * (check that a chosen nsx_id is free, PATCH, wait for realization where needed, read back), read
 * (404: the object is gone), update (PATCH, or PUT with the revision), delete (404 ignored; "still
 * referenced" retried until NSX has released the references), import by id or policy path. A type
 * with NSX quirks overrides one step.
 */
public class PolicyResource implements ResourceType {

    protected final PolicyObject type;
    protected final Supplier<PolicyClient> client;
    private final Duration deleteWait;

    public PolicyResource(PolicyObject type, ResourceContext context) {
        this.type = type;
        this.client = context.client();
        this.deleteWait = context.deleteWait();
    }

    /** The type this resource manages. */
    public PolicyObject type() {
        return type;
    }

    @Override
    public Schema schema() {
        return Schema.of(type.fields().block().describedAs(type.description()));
    }

    @Override
    public Value create(Value planned, Value config) {
        return calling("create", () -> {
            Value nsxId = planned.getAttr("nsx_id");
            String id = nsxId.isKnown() && !nsxId.isNull()
                    ? nsxId.asString()
                    : UUID.randomUUID().toString();
            Value withId = with(planned, "id", Value.string(id));
            String path = pathOf(withId);
            if (nsxId.isKnown() && !nsxId.isNull() && client.get().get(path).isPresent()) {
                throw new DiagnosticException(
                        "Object already exists",
                        "NSX already has an object at " + path + ". Import it (netform import ADDRESS " + path
                                + ") or choose another nsx_id.");
            }
            write(path, body(withId, null), null, withId);
            return StateMerge.fillUnknowns(withId, fetch(path, withId));
        });
    }

    @Override
    public Value read(Value current) {
        return calling("read", () -> {
            Optional<ObjectNode> json = client.get().get(pathOf(current));
            if (json.isEmpty()) {
                return Value.nullOf(schema().impliedType());
            }
            return StateMerge.likePrior(current, stateOf(json.get(), current));
        });
    }

    @Override
    public Value update(Value prior, Value planned, Value config) {
        return calling("update", () -> {
            String path = pathOf(planned);
            write(path, body(planned, prior), prior, planned);
            return StateMerge.fillUnknowns(planned, fetch(path, planned));
        });
    }

    @Override
    public void delete(Value prior) {
        calling("delete", () -> {
            deleteAt(pathOf(prior), type.deleteQuery());
            return null;
        });
    }

    /**
     * Validating and planning a policy object only look at its values; NSX is asked from create on.
     * A type whose plan needs NSX says otherwise.
     */
    @Override
    public boolean computesOffline() {
        return true;
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        if (prior.isNull() || planned.isNull() || planned.equals(prior)) {
            return planned;
        }
        // Every write makes NSX increase the revision.
        return with(planned, "revision", Value.unknown(io.netform.value.Type.NUMBER));
    }

    @Override
    public Value importState(String idOrPath) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Field<ObjectNode> field : type.fields().fields()) {
            values.put(
                    field.name(),
                    Value.nullOf(
                            field.attribute() != null
                                    ? field.attribute().type()
                                    : field.block().impliedType()));
        }
        Map<String, String> parts = idOrPath.startsWith("/")
                ? type.path()
                        .match(idOrPath)
                        .orElseThrow(() -> new DiagnosticException(
                                "Invalid import ID",
                                "\"" + idOrPath + "\" is not the policy path of a " + type.typeName()
                                        + "; expected a path like " + type.path() + "."))
                : defaultsWithId(idOrPath);
        parts.forEach((name, value) -> values.put(name, Value.string(value)));
        return Value.object(values);
    }

    /** The JSON sent to NSX for a planned state; with a prior state, removed fields are cleared. */
    protected ObjectNode body(Value planned, Value prior) {
        Fields<ObjectNode> fields = type.fields();
        ObjectNode json = fields.toJson(planned);
        if (prior != null) {
            fields.clearRemoved(prior, planned, json);
        }
        json.put("resource_type", type.resourceType());
        json.put("id", planned.getAttr("id").asString());
        return json;
    }

    /** Sends the body: PATCH on create; PATCH or PUT with the prior revision on update. */
    protected void write(String path, ObjectNode body, Value prior, Value planned) {
        if (prior != null && type.updateWithPut()) {
            body.put("_revision", prior.getAttr("revision").asLong());
            client.get().put(path, body);
        } else {
            client.get().patch(path, body);
        }
    }

    /** Reads the object back after a write, once NSX has realized it if the type needs that. */
    protected Value fetch(String path, Value written) {
        if (!type.realization().isZero()) {
            client.get().awaitRealized(path, type.realization());
        }
        ObjectNode json = client.get()
                .get(path)
                .orElseThrow(() -> new DiagnosticException(
                        "Object vanished", "NSX accepted " + path + " but then could not find it."));
        return stateOf(json, written);
    }

    /** The state for an object's JSON: its fields, with Netform-only attributes taken from {@code base}. */
    protected Value stateOf(ObjectNode json, Value base) {
        Value read = type.fields().fromJson(json);
        Map<String, Value> values = new LinkedHashMap<>(read.asMap());
        for (Field<ObjectNode> field : type.fields().fields()) {
            if (type.fields().isLocal(field.name())) {
                values.put(field.name(), base.getAttr(field.name()));
            }
        }
        return Value.object(values);
    }

    /** The object's path, from the attributes its type's path pattern names. */
    protected String pathOf(Value state) {
        return type.path().render(name -> pathPart(state, name));
    }

    /** The value of an attribute a path pattern names. */
    protected final String pathPart(Value state, String name) {
        Value value = state.getAttr(name);
        if (!value.isKnown() || value.isNull()) {
            throw new IllegalStateException(type.typeName() + ": " + name + " is not known, so the path is not");
        }
        return value.asString();
    }

    /** Deletes, ignoring an object already gone, and retries while NSX still sees references to it. */
    protected void deleteAt(String path, Map<String, String> query) {
        long deadline = System.nanoTime() + deleteWait.toNanos();
        Duration wait = Duration.ofMillis(250);
        while (true) {
            try {
                client.get().delete(path, query);
                return;
            } catch (NsxApiException e) {
                if (!e.isStillReferenced() || System.nanoTime() + wait.toNanos() > deadline) {
                    throw e;
                }
            }
            PolicyClient.pause(wait);
            wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                    ? Duration.ofSeconds(5)
                    : wait.multipliedBy(2);
        }
    }

    /** The state with one attribute replaced. */
    protected static Value with(Value state, String name, Value value) {
        Map<String, Value> values = new LinkedHashMap<>(state.asMap());
        values.put(name, value);
        return Value.object(values);
    }

    private Map<String, String> defaultsWithId(String id) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String name : type.path().names()) {
            if (name.equals("id")) {
                parts.put(name, id);
                continue;
            }
            Value fallback = type.fields().fields().stream()
                    .filter(f -> f.name().equals(name))
                    .findFirst()
                    .map(f -> f.attribute() == null ? null : f.attribute().defaultValue())
                    .orElse(null);
            if (fallback == null) {
                throw new DiagnosticException(
                        "Invalid import ID",
                        "A " + type.typeName() + " is imported by its " + "policy path, like " + type.path()
                                + ", because its ID alone does not say where it lives.");
            }
            parts.put(name, fallback.asString());
        }
        return parts;
    }

    /** Runs one step, turning NSX's refusals and a stop into diagnostics a user can act on. */
    protected <T> T calling(String step, Supplier<T> body) {
        return calling(type.typeName(), step, body);
    }

    /** Runs one step of a resource type's lifecycle, turning NSX's refusals and a stop into diagnostics. */
    public static <T> T calling(String typeName, String step, Supplier<T> body) {
        try {
            return body.get();
        } catch (NsxApiException e) {
            throw new DiagnosticException("NSX refused to " + step + " the " + typeName, e.detail());
        } catch (CancellationException e) {
            throw new DiagnosticException("Stopped", "The " + step + " was cancelled because Netform is stopping.");
        }
    }
}
