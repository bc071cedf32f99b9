package io.netform.walk;

import io.netform.plugins.ProviderClient;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.FunctionParameter;
import io.netform.wire.FunctionSignature;
import io.netform.wire.ProviderDiagnostic;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process provider with one resource type, {@code testing_object} (name forces replacement,
 * value is optional, id and secret_out are computed), and a "cloud" map tests can change behind the
 * engine's back. Enough to unit-test planning; the end-to-end tests use the real plugin.
 */
public final class FakeProvider implements ProviderClient {

    public static final SchemaBlock OBJECT = new SchemaBlock(
            orderedOf(
                    "name", SchemaAttribute.of("name", Type.STRING).required(),
                    "value", SchemaAttribute.of("value", Type.STRING).optional(),
                    "secret",
                            SchemaAttribute.of("secret", Type.STRING).optional().sensitive(),
                    "id", SchemaAttribute.of("id", Type.STRING).computed()),
            Map.of(),
            "",
            false);
    static final SchemaBlock PROVIDER = new SchemaBlock(
            orderedOf("region", SchemaAttribute.of("region", Type.STRING).optional()), Map.of(), "", false);
    static final SchemaBlock ECHO = new SchemaBlock(
            orderedOf(
                    "input", SchemaAttribute.of("input", Type.DYNAMIC).required(),
                    "output", SchemaAttribute.of("output", Type.DYNAMIC).computed()),
            Map.of(),
            "",
            false);

    /** The objects that exist, by id. */
    public final Map<String, Value> cloud = new ConcurrentHashMap<>();

    /** The configurations this provider was given, in order. */
    public final List<Value> configurations = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Whether the host closed this provider. */
    public volatile boolean closed;

    /** Names whose create fails with an error and leaves no object. */
    public final Set<String> failingCreates = ConcurrentHashMap.newKeySet();

    /** Names whose plan breaks the contract: a configured {@code value} is planned as "changed by provider". */
    public final Set<String> invalidPlans = ConcurrentHashMap.newKeySet();

    /**
     * {@code greet(name string) string}: "hello, NAME"; a name "" fails naming the argument, a name
     * "!" fails the call as a whole. Every call's arguments are recorded in {@link #functionCalls}.
     */
    public static final FunctionSignature GREET = new FunctionSignature(
            List.of(new FunctionParameter("name", Type.STRING, false, false, "")),
            Optional.empty(),
            Type.STRING,
            "Greets",
            "",
            "");

    /** The arguments of every function call, in order. */
    public final List<List<Value>> functionCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static Map<String, SchemaAttribute> orderedOf(Object... pairs) {
        Map<String, SchemaAttribute> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (SchemaAttribute) pairs[i + 1]);
        }
        return m;
    }

    @Override
    public ProviderSchema schema() {
        return new ProviderSchema(
                Schema.of(PROVIDER),
                Map.of("testing_object", new Schema(0, OBJECT)),
                Map.of("testing_echo", new Schema(0, ECHO)));
    }

    @Override
    public List<ProviderDiagnostic> validateProviderConfig(Value config) {
        return List.of();
    }

    @Override
    public List<ProviderDiagnostic> configure(Value config, String netformVersion) {
        configurations.add(config);
        return List.of();
    }

    @Override
    public List<ProviderDiagnostic> validateResourceConfig(String type, Value config) {
        return List.of();
    }

    @Override
    public List<ProviderDiagnostic> validateDataResourceConfig(String type, Value config) {
        return List.of();
    }

    @Override
    public Response<Value> upgradeResourceState(String type, long version, byte[] json) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Response<ReadResult> readResource(String type, Value current, byte[] privateData) {
        Value now = cloud.get(current.getAttr("id").asString());
        return new Response<>(
                new ReadResult(now == null ? Value.nullOf(OBJECT.impliedType()) : now, privateData), List.of());
    }

    @Override
    public Response<PlannedObject> planResourceChange(
            String type, Value prior, Value proposed, Value config, byte[] priorPrivate) {
        if (proposed.isNull()) {
            return new Response<>(new PlannedObject(proposed, List.of(), priorPrivate), List.of());
        }
        Map<String, Value> attrs = new LinkedHashMap<>(proposed.asMap());
        boolean replace = !prior.isNull() && !prior.getAttr("name").equals(proposed.getAttr("name"));
        if (prior.isNull() || replace) {
            attrs.put("id", Value.unknown(Type.STRING));
        }
        if (invalidPlans.contains(proposed.getAttr("name").asString())) {
            attrs.put("value", Value.string("changed by provider"));
        }
        return new Response<>(
                new PlannedObject(
                        Value.object(attrs), replace ? List.of(AttributePath.of("name")) : List.of(), new byte[0]),
                List.of());
    }

    @Override
    public Response<AppliedObject> applyResourceChange(
            String type, Value prior, Value planned, Value config, byte[] plannedPrivate) {
        if (planned.isNull()) {
            cloud.remove(prior.getAttr("id").asString());
            return new Response<>(new AppliedObject(planned, new byte[0]), List.of());
        }
        if (prior.isNull() && failingCreates.contains(planned.getAttr("name").asString())) {
            return new Response<>(
                    new AppliedObject(Value.nullOf(OBJECT.impliedType()), new byte[0]),
                    List.of(ProviderDiagnostic.error("Creation failed", "The name is refused.")));
        }
        Map<String, Value> attrs = new LinkedHashMap<>(planned.asMap());
        if (!attrs.get("id").isKnown()) {
            attrs.put("id", Value.string("id-" + planned.getAttr("name").asString()));
        }
        Value created = Value.object(attrs);
        cloud.put(attrs.get("id").asString(), created);
        return new Response<>(new AppliedObject(created, new byte[0]), List.of());
    }

    @Override
    public Response<List<ImportedObject>> importResourceState(String type, String id) {
        Map<String, Value> stub = new LinkedHashMap<>();
        OBJECT.attributes().forEach((name, a) -> stub.put(name, Value.nullOf(a.type())));
        stub.put("id", Value.string(id));
        return new Response<>(List.of(new ImportedObject(type, Value.object(stub), new byte[0])), List.of());
    }

    @Override
    public Response<Value> readDataSource(String type, Value config) {
        Map<String, Value> attrs = new LinkedHashMap<>(config.asMap());
        attrs.put("output", config.getAttr("input"));
        return new Response<>(Value.object(attrs), List.of());
    }

    @Override
    public Map<String, FunctionSignature> functions() {
        return Map.of("greet", GREET);
    }

    @Override
    public FunctionResult callFunction(String name, List<Value> arguments) {
        functionCalls.add(arguments);
        String who = arguments.get(0).asString();
        if (who.isEmpty()) {
            return FunctionResult.failed("a name is required", OptionalInt.of(0));
        }
        if (who.equals("!")) {
            return FunctionResult.failed("the greeting failed", OptionalInt.empty());
        }
        return FunctionResult.of(Value.string("hello, " + who));
    }

    @Override
    public void stop() {}

    @Override
    public void close() {
        closed = true;
    }
}
