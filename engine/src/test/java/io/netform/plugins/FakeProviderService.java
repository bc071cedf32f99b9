package io.netform.plugins;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.netform.proto.tfplugin6.ApplyResourceChange;
import io.netform.proto.tfplugin6.AttributePath;
import io.netform.proto.tfplugin6.CallFunction;
import io.netform.proto.tfplugin6.ConfigureProvider;
import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.Function;
import io.netform.proto.tfplugin6.FunctionError;
import io.netform.proto.tfplugin6.GetFunctions;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.proto.tfplugin6.ImportResourceState;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import io.netform.proto.tfplugin6.ReadDataSource;
import io.netform.proto.tfplugin6.ReadResource;
import io.netform.proto.tfplugin6.Schema;
import io.netform.proto.tfplugin6.StopProvider;
import io.netform.proto.tfplugin6.UpgradeResourceState;
import io.netform.proto.tfplugin6.ValidateProviderConfig;
import io.netform.proto.tfplugin6.ValidateResourceConfig;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.DynamicValues;
import io.netform.wire.ProviderSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test double of a tfplugin6 provider: an in-memory object store behind {@code testing_object},
 * a {@code testing_lookup} data source answered in JSON, {@code testing_crash}, which takes the
 * whole plugin down when planned, and a function {@code pick(items, index)} that only GetFunctions
 * declares (its schema lists none).
 */
public final class FakeProviderService extends ProviderGrpc.ProviderImplBase {

    private final GetProviderSchema.Response schema = schema();
    private final ProviderSchema decoded = new SchemaResponses("fake").decode(schema);
    private final Map<String, Value> store = new ConcurrentHashMap<>();
    private final Set<String> undeletable = ConcurrentHashMap.newKeySet();

    /** Sets an attribute of the stored object {@code id}, as someone working outside Netform would. */
    public void editOutside(String id, String attribute, Value value) {
        store.computeIfPresent(id, (key, object) -> with(object, attribute, value));
    }

    /** Deletes the stored object {@code id} outside Netform. */
    public void deleteOutside(String id) {
        store.remove(id);
    }

    /** Makes every later delete of the object {@code id} fail, as a cloud that refuses it would. */
    public void refuseDelete(String id) {
        undeletable.add(id);
    }

    /** The stored object {@code id}, or null. */
    public Value object(String id) {
        return store.get(id);
    }

    static GetProviderSchema.Response schema() {
        Schema.Block object = Schema.Block.newBuilder()
                .addAttributes(attribute("id", "\"string\"").setComputed(true))
                .addAttributes(attribute("name", "\"string\"").setRequired(true))
                .addAttributes(attribute("size", "\"number\"").setOptional(true))
                .addAttributes(attribute("tags", "[\"map\",\"string\"]").setOptional(true))
                .addBlockTypes(Schema.NestedBlock.newBuilder()
                        .setTypeName("port")
                        .setNesting(Schema.NestedBlock.NestingMode.LIST)
                        .setMaxItems(3)
                        .setBlock(Schema.Block.newBuilder()
                                .addAttributes(attribute("number", "\"number\"").setRequired(true))))
                .build();
        Schema.Block lookup = Schema.Block.newBuilder()
                .addAttributes(attribute("name", "\"string\"").setRequired(true))
                .addAttributes(attribute("value", "\"string\"").setComputed(true))
                .build();
        Schema.Block crash = Schema.Block.newBuilder()
                .addAttributes(attribute("name", "\"string\"").setOptional(true))
                .build();
        return GetProviderSchema.Response.newBuilder()
                .setProvider(Schema.newBuilder()
                        .setBlock(Schema.Block.newBuilder()
                                .setDescription("fake provider served by process "
                                        + ProcessHandle.current().pid())
                                .addAttributes(
                                        attribute("endpoint", "\"string\"").setOptional(true))
                                .addAttributes(attribute("token", "\"string\"")
                                        .setOptional(true)
                                        .setSensitive(true))))
                .putResourceSchemas(
                        "testing_object",
                        Schema.newBuilder().setVersion(2).setBlock(object).build())
                .putResourceSchemas(
                        "testing_crash", Schema.newBuilder().setBlock(crash).build())
                .putDataSourceSchemas(
                        "testing_lookup", Schema.newBuilder().setBlock(lookup).build())
                .build();
    }

    private static Schema.Attribute.Builder attribute(String name, String typeJson) {
        return Schema.Attribute.newBuilder().setName(name).setType(ByteString.copyFromUtf8(typeJson));
    }

    @Override
    public void getProviderSchema(
            GetProviderSchema.Request request, StreamObserver<GetProviderSchema.Response> responses) {
        reply(responses, schema);
    }

    @Override
    public void getFunctions(GetFunctions.Request request, StreamObserver<GetFunctions.Response> responses) {
        reply(
                responses,
                GetFunctions.Response.newBuilder()
                        .putFunctions(
                                "pick",
                                Function.newBuilder()
                                        .addParameters(Function.Parameter.newBuilder()
                                                .setName("items")
                                                .setType(ByteString.copyFromUtf8("[\"list\",\"string\"]")))
                                        .addParameters(Function.Parameter.newBuilder()
                                                .setName("index")
                                                .setType(ByteString.copyFromUtf8("\"number\"")))
                                        .setReturn(Function.Return.newBuilder()
                                                .setType(ByteString.copyFromUtf8("\"string\"")))
                                        .setSummary("The item at an index")
                                        .build())
                        .build());
    }

    @Override
    public void callFunction(CallFunction.Request request, StreamObserver<CallFunction.Response> responses) {
        List<Value> items =
                decode(request.getArguments(0), Type.list(Type.STRING)).elements();
        int index = decode(request.getArguments(1), Type.NUMBER).asInt();
        CallFunction.Response.Builder response = CallFunction.Response.newBuilder();
        if (index >= items.size()) {
            response.setError(FunctionError.newBuilder()
                    .setText("index " + index + " is out of range")
                    .setFunctionArgument(1));
        } else {
            response.setResult(DynamicValue.newBuilder()
                    .setJson(ByteString.copyFromUtf8("\"" + items.get(index).asString() + "\"")));
        }
        reply(responses, response.build());
    }

    @Override
    public void validateProviderConfig(
            ValidateProviderConfig.Request request, StreamObserver<ValidateProviderConfig.Response> responses) {
        reply(responses, ValidateProviderConfig.Response.getDefaultInstance());
    }

    @Override
    public void configureProvider(
            ConfigureProvider.Request request, StreamObserver<ConfigureProvider.Response> responses) {
        Value config = decode(request.getConfig(), decoded.provider().impliedType());
        ConfigureProvider.Response.Builder response = ConfigureProvider.Response.newBuilder()
                .addDiagnostics(Diagnostic.newBuilder()
                        .setSeverity(Diagnostic.Severity.WARNING)
                        .setSummary("Configured by " + request.getTerraformVersion())
                        .setDetail("token has "
                                + config.getAttr("token").asString().length() + " characters"));
        if (config.getAttr("endpoint").isNull()) {
            response.addDiagnostics(Diagnostic.newBuilder()
                    .setSeverity(Diagnostic.Severity.ERROR)
                    .setSummary("Missing endpoint")
                    .setDetail("The fake provider needs an endpoint.")
                    .setAttribute(path(step("endpoint"))));
        }
        reply(responses, response.build());
    }

    @Override
    public void validateDataResourceConfig(
            io.netform.proto.tfplugin6.ValidateDataResourceConfig.Request request,
            StreamObserver<io.netform.proto.tfplugin6.ValidateDataResourceConfig.Response> responses) {
        reply(responses, io.netform.proto.tfplugin6.ValidateDataResourceConfig.Response.getDefaultInstance());
    }

    @Override
    public void validateResourceConfig(
            ValidateResourceConfig.Request request, StreamObserver<ValidateResourceConfig.Response> responses) {
        if (request.getTypeName().equals("testing_crash")) {
            System.err.println("the fake provider is about to lose its footing");
            reply(responses, ValidateResourceConfig.Response.getDefaultInstance());
            return;
        }
        Value config = decode(request.getConfig(), objectType());
        ValidateResourceConfig.Response.Builder response = ValidateResourceConfig.Response.newBuilder();
        Value tags = config.getAttr("tags");
        if (tags.isKnown() && !tags.isNull() && tags.asMap().containsKey("bad")) {
            response.addDiagnostics(error(
                    "Bad tag",
                    path(
                            step("tags"),
                            AttributePath.Step.newBuilder()
                                    .setElementKeyString("bad")
                                    .build())));
        }
        List<Value> ports = config.getAttr("port").elements();
        for (int i = 0; i < ports.size(); i++) {
            Value number = ports.get(i).getAttr("number");
            if (number.isKnown() && number.asLong() < 0) {
                response.addDiagnostics(error(
                        "Negative port",
                        path(
                                step("port"),
                                AttributePath.Step.newBuilder()
                                        .setElementKeyInt(i)
                                        .build(),
                                step("number"))));
            }
        }
        reply(responses, response.build());
    }

    @Override
    public void planResourceChange(
            PlanResourceChange.Request request, StreamObserver<PlanResourceChange.Response> responses) {
        if (request.getTypeName().equals("testing_crash")) {
            Runtime.getRuntime().halt(7);
        }
        Value prior = decode(request.getPriorState(), objectType());
        Value proposed = decode(request.getProposedNewState(), objectType());
        PlanResourceChange.Response.Builder response =
                PlanResourceChange.Response.newBuilder().setPlannedPrivate(ByteString.copyFromUtf8("planned-private"));
        if (proposed.isNull()) {
            reply(responses, response.setPlannedState(encode(proposed)).build());
            return;
        }
        boolean renamed = !prior.isNull() && !prior.getAttr("name").equals(proposed.getAttr("name"));
        Value id = prior.isNull() || renamed ? Value.unknown(Type.STRING) : prior.getAttr("id");
        if (renamed) {
            response.addRequiresReplace(path(step("name")));
        }
        reply(
                responses,
                response.setPlannedState(encode(with(proposed, "id", id))).build());
    }

    @Override
    public void applyResourceChange(
            ApplyResourceChange.Request request, StreamObserver<ApplyResourceChange.Response> responses) {
        Value prior = decode(request.getPriorState(), objectType());
        Value planned = decode(request.getPlannedState(), objectType());
        ApplyResourceChange.Response.Builder response =
                ApplyResourceChange.Response.newBuilder().setPrivate(request.getPlannedPrivate());
        if (planned.isNull()) {
            String id = prior.getAttr("id").asString();
            if (undeletable.contains(id)) {
                reply(
                        responses,
                        response.setNewState(encode(prior))
                                .addDiagnostics(error("Cannot delete " + id, path()))
                                .build());
                return;
            }
            store.remove(id);
            reply(responses, response.setNewState(encode(planned)).build());
            return;
        }
        Value id = planned.getAttr("id");
        Value created = id.isKnown()
                ? planned
                : with(
                        planned,
                        "id",
                        Value.string("obj-" + planned.getAttr("name").asString()));
        store.put(created.getAttr("id").asString(), created);
        reply(responses, response.setNewState(encode(created)).build());
    }

    @Override
    public void readResource(ReadResource.Request request, StreamObserver<ReadResource.Response> responses) {
        Value current = decode(request.getCurrentState(), objectType());
        Value stored = store.get(current.getAttr("id").asString());
        // An object that is gone comes back as an empty DynamicValue, which means null.
        ReadResource.Response.Builder response =
                ReadResource.Response.newBuilder().setPrivate(request.getPrivate());
        if (stored != null) {
            response.setNewState(encode(stored));
        }
        reply(responses, response.build());
    }

    @Override
    public void importResourceState(
            ImportResourceState.Request request, StreamObserver<ImportResourceState.Response> responses) {
        Map<String, Value> attributes = new TreeMap<>();
        ((Type.ObjectType) objectType())
                .attributeTypes()
                .forEach((name, type) -> attributes.put(name, Value.nullOf(type)));
        attributes.put("id", Value.string(request.getId()));
        attributes.put("name", Value.string("imported-" + request.getId()));
        attributes.put(
                "port",
                Value.list(
                        ((Type.ObjectType) objectType())
                                .attributeTypes()
                                .get("port")
                                .elementType(),
                        List.of()));
        reply(
                responses,
                ImportResourceState.Response.newBuilder()
                        .addImportedResources(ImportResourceState.ImportedResource.newBuilder()
                                .setTypeName(request.getTypeName())
                                .setState(encode(Value.object(attributes)))
                                .setPrivate(ByteString.copyFromUtf8("imported")))
                        .build());
    }

    @Override
    public void readDataSource(ReadDataSource.Request request, StreamObserver<ReadDataSource.Response> responses) {
        Type type = decoded.dataSources().get("testing_lookup").block().impliedType();
        Value config = decode(request.getConfig(), type);
        Value state = with(
                config,
                "value",
                Value.string("value-of-" + config.getAttr("name").asString()));
        try {
            // JSON on purpose: hosts must accept it when msgpack is empty.
            reply(
                    responses,
                    ReadDataSource.Response.newBuilder()
                            .setState(DynamicValue.newBuilder()
                                    .setJson(ByteString.copyFrom(CtyJson.encodeToBytes(state, type))))
                            .build());
        } catch (CodecException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void upgradeResourceState(
            UpgradeResourceState.Request request, StreamObserver<UpgradeResourceState.Response> responses) {
        try {
            // Version 1 called the name "title".
            String json = request.getRawState().getJson().toStringUtf8().replace("\"title\"", "\"name\"");
            Value upgraded = CtyJson.decode(json, objectType());
            reply(
                    responses,
                    UpgradeResourceState.Response.newBuilder()
                            .setUpgradedState(encode(upgraded))
                            .build());
        } catch (CodecException e) {
            reply(
                    responses,
                    UpgradeResourceState.Response.newBuilder()
                            .addDiagnostics(
                                    error("Cannot upgrade: " + e.getMessage(), AttributePath.getDefaultInstance()))
                            .build());
        }
    }

    @Override
    public void stopProvider(StopProvider.Request request, StreamObserver<StopProvider.Response> responses) {
        reply(
                responses,
                StopProvider.Response.newBuilder().setError("nothing to stop").build());
    }

    private Type objectType() {
        return decoded.resources().get("testing_object").block().impliedType();
    }

    private static Value with(Value object, String name, Value value) {
        Map<String, Value> attributes = new TreeMap<>(object.asMap());
        attributes.put(name, value);
        return Value.object(attributes);
    }

    private static Value decode(DynamicValue value, Type type) {
        try {
            return DynamicValues.decode(value, type);
        } catch (CodecException e) {
            throw new IllegalStateException("the fake provider cannot handle this value: " + e.getMessage(), e);
        }
    }

    private DynamicValue encode(Value value) {
        try {
            return DynamicValues.encode(value, objectType());
        } catch (CodecException e) {
            throw new IllegalStateException("the fake provider cannot handle this value: " + e.getMessage(), e);
        }
    }

    private static AttributePath.Step step(String name) {
        return AttributePath.Step.newBuilder().setAttributeName(name).build();
    }

    private static AttributePath path(AttributePath.Step... steps) {
        return AttributePath.newBuilder().addAllSteps(List.of(steps)).build();
    }

    private static Diagnostic error(String summary, AttributePath path) {
        return Diagnostic.newBuilder()
                .setSeverity(Diagnostic.Severity.ERROR)
                .setSummary(summary)
                .setAttribute(path)
                .build();
    }

    private static <T> void reply(StreamObserver<T> responses, T response) {
        responses.onNext(response);
        responses.onCompleted();
    }
}
