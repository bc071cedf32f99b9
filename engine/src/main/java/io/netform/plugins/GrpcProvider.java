package io.netform.plugins;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.netform.goplugin.HclogRecord;
import io.netform.goplugin.LogLevel;
import io.netform.proto.tfplugin6.ApplyResourceChange;
import io.netform.proto.tfplugin6.CallFunction;
import io.netform.proto.tfplugin6.ConfigureProvider;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.GetFunctions;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.proto.tfplugin6.ImportResourceState;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import io.netform.proto.tfplugin6.RawState;
import io.netform.proto.tfplugin6.ReadDataSource;
import io.netform.proto.tfplugin6.ReadResource;
import io.netform.proto.tfplugin6.StopProvider;
import io.netform.proto.tfplugin6.UpgradeResourceState;
import io.netform.proto.tfplugin6.ValidateDataResourceConfig;
import io.netform.proto.tfplugin6.ValidateProviderConfig;
import io.netform.proto.tfplugin6.ValidateResourceConfig;
import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.AttributePaths;
import io.netform.wire.DynamicValues;
import io.netform.wire.FunctionParameter;
import io.netform.wire.FunctionSignature;
import io.netform.wire.ProviderDiagnostic;
import io.netform.wire.ProviderSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A provider plugin driven over tfplugin6: values go out as msgpack against the schema's implied
 * types and come back decoded, diagnostics keep their attribute paths, and a plugin that cannot be
 * reached becomes a {@link ProviderException} naming the provider and the operation.
 */
public final class GrpcProvider implements ProviderClient {

    /** The codes gRPC reports when the plugin's end of the connection went away. */
    private static final Set<Status.Code> CONNECTION_LOST =
            Set.of(Status.Code.UNAVAILABLE, Status.Code.CANCELLED, Status.Code.UNKNOWN, Status.Code.INTERNAL);

    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);

    private final ProviderConnection plugin;
    private final InstalledProvider installed;
    private final SchemaCache schemas;
    private final PluginLogTail log;
    private final ProviderGrpc.ProviderFutureStub stub;
    private volatile SchemaTypes schemaTypes;
    private volatile Map<String, FunctionSignature> functions;
    private volatile boolean closed;

    GrpcProvider(ProviderConnection plugin, InstalledProvider installed, SchemaCache schemas, PluginLogTail log) {
        this.plugin = plugin;
        this.installed = installed;
        this.schemas = schemas;
        this.log = log;
        // The reply completes the caller's future on the connection's event loop: one wake-up of the
        // waiting thread per call. A blocking stub hands the reply's headers, message and close to
        // the caller one by one, and each hand-off may wake it again.
        this.stub = ProviderGrpc.newFutureStub(plugin.channel())
                .withExecutor(MoreExecutors.directExecutor())
                .withMaxInboundMessageSize(Integer.MAX_VALUE)
                .withMaxOutboundMessageSize(Integer.MAX_VALUE);
    }

    /** The plugin this provider runs in. */
    public InstalledProvider installed() {
        return installed;
    }

    @Override
    public ProviderSchema schema() {
        return schemaTypes().schema();
    }

    private SchemaTypes schemaTypes() {
        SchemaTypes known = schemaTypes;
        if (known == null) {
            known = schemas.get(
                    installed,
                    () -> SchemaTypes.of(new SchemaResponses(name())
                            .decode(call(
                                    "GetProviderSchema",
                                    "",
                                    s -> s.getProviderSchema(GetProviderSchema.Request.getDefaultInstance())))));
            schemaTypes = known;
        }
        return known;
    }

    @Override
    public List<ProviderDiagnostic> validateProviderConfig(Value config) {
        DynamicValue wire = encode(config, providerType(), "ValidateProviderConfig", "", "configuration");
        return ProviderDiagnostic.fromProto(call(
                        "ValidateProviderConfig",
                        "",
                        s -> s.validateProviderConfig(ValidateProviderConfig.Request.newBuilder()
                                .setConfig(wire)
                                .build()))
                .getDiagnosticsList());
    }

    @Override
    public List<ProviderDiagnostic> configure(Value config, String netformVersion) {
        DynamicValue wire = encode(config, providerType(), "ConfigureProvider", "", "configuration");
        return ProviderDiagnostic.fromProto(call(
                        "ConfigureProvider",
                        "",
                        s -> s.configureProvider(ConfigureProvider.Request.newBuilder()
                                .setTerraformVersion(netformVersion)
                                .setConfig(wire)
                                .build()))
                .getDiagnosticsList());
    }

    @Override
    public List<ProviderDiagnostic> validateResourceConfig(String type, Value config) {
        Optional<Type> objectType = resourceType(type);
        if (objectType.isEmpty()) {
            return List.of(unsupported("resource type", type));
        }
        DynamicValue wire = encode(config, objectType.get(), "ValidateResourceConfig", type, "configuration");
        return ProviderDiagnostic.fromProto(call(
                        "ValidateResourceConfig",
                        type,
                        s -> s.validateResourceConfig(ValidateResourceConfig.Request.newBuilder()
                                .setTypeName(type)
                                .setConfig(wire)
                                .build()))
                .getDiagnosticsList());
    }

    @Override
    public List<ProviderDiagnostic> validateDataResourceConfig(String type, Value config) {
        Optional<Type> objectType = dataSourceType(type);
        if (objectType.isEmpty()) {
            return List.of(unsupported("data source", type));
        }
        DynamicValue wire = encode(config, objectType.get(), "ValidateDataResourceConfig", type, "configuration");
        return ProviderDiagnostic.fromProto(call(
                        "ValidateDataResourceConfig",
                        type,
                        s -> s.validateDataResourceConfig(ValidateDataResourceConfig.Request.newBuilder()
                                .setTypeName(type)
                                .setConfig(wire)
                                .build()))
                .getDiagnosticsList());
    }

    @Override
    public Response<Value> upgradeResourceState(String type, long version, byte[] json) {
        Optional<Type> objectType = resourceType(type);
        if (objectType.isEmpty()) {
            return new Response<>(null, List.of(unsupported("resource type", type)));
        }
        UpgradeResourceState.Response response = call(
                "UpgradeResourceState",
                type,
                s -> s.upgradeResourceState(UpgradeResourceState.Request.newBuilder()
                        .setTypeName(type)
                        .setVersion(version)
                        .setRawState(RawState.newBuilder().setJson(ByteString.copyFrom(json)))
                        .build()));
        List<ProviderDiagnostic> diagnostics =
                new ArrayList<>(ProviderDiagnostic.fromProto(response.getDiagnosticsList()));
        Value upgraded = decode(response.getUpgradedState(), objectType.get(), "an upgraded state", type, diagnostics);
        return new Response<>(upgraded, diagnostics);
    }

    @Override
    public Response<ReadResult> readResource(String type, Value current, byte[] privateData) {
        Optional<Type> objectType = resourceType(type);
        if (objectType.isEmpty()) {
            return new Response<>(null, List.of(unsupported("resource type", type)));
        }
        DynamicValue wire = encode(current, objectType.get(), "ReadResource", type, "current state");
        ReadResource.Response response = call(
                "ReadResource",
                type,
                s -> s.readResource(ReadResource.Request.newBuilder()
                        .setTypeName(type)
                        .setCurrentState(wire)
                        .setPrivate(bytes(privateData))
                        .build()));
        List<ProviderDiagnostic> diagnostics =
                new ArrayList<>(ProviderDiagnostic.fromProto(response.getDiagnosticsList()));
        Value newState = decode(response.getNewState(), objectType.get(), "a refreshed state", type, diagnostics);
        return new Response<>(new ReadResult(newState, response.getPrivate().toByteArray()), diagnostics);
    }

    @Override
    public Response<PlannedObject> planResourceChange(
            String type, Value prior, Value proposed, Value config, byte[] priorPrivate) {
        Optional<Type> objectType = resourceType(type);
        if (objectType.isEmpty()) {
            return new Response<>(null, List.of(unsupported("resource type", type)));
        }
        Type t = objectType.get();
        PlanResourceChange.Request request = PlanResourceChange.Request.newBuilder()
                .setTypeName(type)
                .setPriorState(encode(prior, t, "PlanResourceChange", type, "prior state"))
                .setProposedNewState(encode(proposed, t, "PlanResourceChange", type, "proposed new state"))
                .setConfig(encode(config, t, "PlanResourceChange", type, "configuration"))
                .setPriorPrivate(bytes(priorPrivate))
                .build();
        PlanResourceChange.Response response = call("PlanResourceChange", type, s -> s.planResourceChange(request));
        List<ProviderDiagnostic> diagnostics =
                new ArrayList<>(ProviderDiagnostic.fromProto(response.getDiagnosticsList()));
        Value planned = decode(response.getPlannedState(), t, "a planned state", type, diagnostics);
        List<AttributePath> requiresReplace = response.getRequiresReplaceList().stream()
                .map(AttributePaths::fromProto)
                .toList();
        return new Response<>(
                new PlannedObject(
                        planned, requiresReplace, response.getPlannedPrivate().toByteArray()),
                diagnostics);
    }

    @Override
    public Response<AppliedObject> applyResourceChange(
            String type, Value prior, Value planned, Value config, byte[] plannedPrivate) {
        Optional<Type> objectType = resourceType(type);
        if (objectType.isEmpty()) {
            return new Response<>(null, List.of(unsupported("resource type", type)));
        }
        Type t = objectType.get();
        ApplyResourceChange.Request request = ApplyResourceChange.Request.newBuilder()
                .setTypeName(type)
                .setPriorState(encode(prior, t, "ApplyResourceChange", type, "prior state"))
                .setPlannedState(encode(planned, t, "ApplyResourceChange", type, "planned state"))
                .setConfig(encode(config, t, "ApplyResourceChange", type, "configuration"))
                .setPlannedPrivate(bytes(plannedPrivate))
                .build();
        ApplyResourceChange.Response response = call("ApplyResourceChange", type, s -> s.applyResourceChange(request));
        List<ProviderDiagnostic> diagnostics =
                new ArrayList<>(ProviderDiagnostic.fromProto(response.getDiagnosticsList()));
        Value newState = decode(response.getNewState(), t, "a new state", type, diagnostics);
        return new Response<>(new AppliedObject(newState, response.getPrivate().toByteArray()), diagnostics);
    }

    @Override
    public Response<List<ImportedObject>> importResourceState(String type, String id) {
        if (resourceType(type).isEmpty()) {
            return new Response<>(null, List.of(unsupported("resource type", type)));
        }
        ImportResourceState.Response response = call(
                "ImportResourceState",
                type,
                s -> s.importResourceState(ImportResourceState.Request.newBuilder()
                        .setTypeName(type)
                        .setId(id)
                        .build()));
        List<ProviderDiagnostic> diagnostics =
                new ArrayList<>(ProviderDiagnostic.fromProto(response.getDiagnosticsList()));
        List<ImportedObject> imported = new ArrayList<>();
        for (ImportResourceState.ImportedResource resource : response.getImportedResourcesList()) {
            Optional<Type> importedType = resourceType(resource.getTypeName());
            if (importedType.isEmpty()) {
                diagnostics.add(unsupported("resource type", resource.getTypeName()));
                continue;
            }
            Value state = decode(
                    resource.getState(), importedType.get(), "an imported state", resource.getTypeName(), diagnostics);
            imported.add(new ImportedObject(
                    resource.getTypeName(), state, resource.getPrivate().toByteArray()));
        }
        return new Response<>(List.copyOf(imported), diagnostics);
    }

    @Override
    public Response<Value> readDataSource(String type, Value config) {
        Optional<Type> objectType = dataSourceType(type);
        if (objectType.isEmpty()) {
            return new Response<>(null, List.of(unsupported("data source", type)));
        }
        DynamicValue wire = encode(config, objectType.get(), "ReadDataSource", type, "configuration");
        ReadDataSource.Response response = call(
                "ReadDataSource",
                type,
                s -> s.readDataSource(ReadDataSource.Request.newBuilder()
                        .setTypeName(type)
                        .setConfig(wire)
                        .build()));
        List<ProviderDiagnostic> diagnostics =
                new ArrayList<>(ProviderDiagnostic.fromProto(response.getDiagnosticsList()));
        Value state = decode(response.getState(), objectType.get(), "a data source state", type, diagnostics);
        return new Response<>(state, diagnostics);
    }

    /**
     * The functions the schema declares, or, when it declares none, those GetFunctions reports (a
     * provider may leave them out of its schema); asked once.
     */
    @Override
    public Map<String, FunctionSignature> functions() {
        Map<String, FunctionSignature> known = functions;
        if (known == null) {
            known = schema().functions();
            if (known.isEmpty()) {
                known = fetchFunctions();
            }
            functions = known;
        }
        return known;
    }

    /** GetFunctions; a provider older than the RPC has no functions. */
    private Map<String, FunctionSignature> fetchFunctions() {
        GetFunctions.Response response;
        try {
            response = call("GetFunctions", "", s -> s.getFunctions(GetFunctions.Request.getDefaultInstance()));
        } catch (ProviderException e) {
            if (e.getCause() instanceof StatusRuntimeException s
                    && s.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return Map.of();
            }
            throw e;
        }
        return new SchemaResponses(name()).decodeFunctions(response);
    }

    @Override
    public FunctionResult callFunction(String function, List<Value> arguments) {
        FunctionSignature signature = functions().get(function);
        if (signature == null) {
            return FunctionResult.failed(
                    "the provider " + name() + " offers no function named \"" + function + "\"", OptionalInt.empty());
        }
        CallFunction.Request.Builder request = CallFunction.Request.newBuilder().setName(function);
        for (int i = 0; i < arguments.size(); i++) {
            Type type = i < signature.parameters().size()
                    ? signature.parameters().get(i).type()
                    : signature.variadic().map(FunctionParameter::type).orElse(Type.DYNAMIC);
            request.addArguments(encode(arguments.get(i), type, "CallFunction", function, "argument " + (i + 1)));
        }
        CallFunction.Response response = call("CallFunction", function, s -> s.callFunction(request.build()));
        if (response.hasError()) {
            return FunctionResult.failed(
                    response.getError().getText(),
                    response.getError().hasFunctionArgument()
                            ? OptionalInt.of((int) response.getError().getFunctionArgument())
                            : OptionalInt.empty());
        }
        List<ProviderDiagnostic> problems = new ArrayList<>();
        Value result = decode(response.getResult(), signature.returnType(), "a result", function, problems);
        return result == null
                ? FunctionResult.failed(problems.get(0).detail(), OptionalInt.empty())
                : FunctionResult.of(result);
    }

    /** Asks the plugin to stop in-flight work; a plugin that reports a problem with that is logged, not thrown. */
    @Override
    public void stop() {
        StopProvider.Response response =
                call("StopProvider", "", s -> s.stopProvider(StopProvider.Request.getDefaultInstance()));
        if (!response.getError().isEmpty()) {
            log.log(
                    plugin.name(),
                    new HclogRecord(
                            LogLevel.WARN,
                            "the provider could not stop in-flight work",
                            Instant.now(),
                            Map.of("error", response.getError())));
        }
    }

    @Override
    public void close() {
        closed = true;
        plugin.close();
    }

    private String name() {
        return installed.source().display() + " v" + installed.version();
    }

    private Type providerType() {
        return schemaTypes().providerType();
    }

    private Optional<Type> resourceType(String type) {
        return Optional.ofNullable(schemaTypes().resourceTypes().get(type));
    }

    private Optional<Type> dataSourceType(String type) {
        return Optional.ofNullable(schemaTypes().dataSourceTypes().get(type));
    }

    private ProviderDiagnostic unsupported(String kind, String type) {
        return ProviderDiagnostic.error(
                "Unsupported " + kind,
                "The provider " + name() + " does not support the " + kind + " \"" + type + "\".");
    }

    private DynamicValue encode(Value value, Type type, String operation, String typeName, String what) {
        try {
            return DynamicValues.encode(value.unmarkDeep(), type); // the engine keeps track of marks
        } catch (CodecException e) {
            throw new ProviderException(
                    "Netform cannot send the " + what + subject(typeName) + " to the provider " + name() + " ("
                            + operation + "): " + e.getMessage() + ". This is a bug in Netform.",
                    e);
        }
    }

    private Value decode(
            DynamicValue value, Type type, String what, String typeName, List<ProviderDiagnostic> diagnostics) {
        try {
            return DynamicValues.decode(value, type);
        } catch (CodecException e) {
            diagnostics.add(ProviderDiagnostic.error(
                    "Provider returned an invalid value",
                    "The provider " + name() + " returned " + what + subject(typeName)
                            + " that does not fit its own schema: " + e.getMessage()
                            + ". This is a bug in the provider."));
            return null;
        }
    }

    private static String subject(String typeName) {
        return typeName.isEmpty() ? "" : " of " + typeName;
    }

    private <T> T call(
            String operation, String typeName, Function<ProviderGrpc.ProviderFutureStub, ListenableFuture<T>> rpc) {
        if (closed) {
            throw new ProviderException("The provider " + name() + " was already shut down when Netform called "
                    + operation + subject(typeName) + ". This is a bug in Netform.");
        }
        try {
            return reply(rpc.apply(stub));
        } catch (StatusRuntimeException e) {
            throw failed(operation, typeName, e);
        }
    }

    /**
     * The call's reply, or its status as an exception; an interrupted caller cancels the call and
     * keeps its interrupt, as a blocking stub does.
     */
    private static <T> T reply(ListenableFuture<T> reply) {
        try {
            return reply.get();
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            throw Status.CANCELLED
                    .withDescription("Thread interrupted")
                    .withCause(e)
                    .asRuntimeException();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StatusRuntimeException status
                    ? status
                    : Status.fromThrowable(e.getCause()).asRuntimeException();
        }
    }

    private ProviderException failed(String operation, String typeName, StatusRuntimeException e) {
        Status status = e.getStatus();
        String problem = exitStatusAfter(status)
                .map(code -> "the plugin exited unexpectedly with status " + code)
                .orElseGet(() -> "the call failed with " + describe(status));
        StringBuilder message = new StringBuilder("The provider ")
                .append(name())
                .append(" failed during ")
                .append(operation)
                .append(typeName.isEmpty() ? "" : " (" + typeName + ")")
                .append(": ")
                .append(problem)
                .append('.');
        List<String> lastLines = log.lastLines();
        if (!lastLines.isEmpty()) {
            message.append("\nThe plugin's last log lines:");
            lastLines.forEach(line -> message.append("\n  ").append(line));
        }
        return new ProviderException(message.toString(), e);
    }

    /** The plugin's exit status if it died; when the connection was lost, its exit is given a moment to show. */
    private Optional<Integer> exitStatusAfter(Status status) {
        CompletableFuture<Integer> exit = plugin.onExit();
        if (!CONNECTION_LOST.contains(status.getCode())) {
            return Optional.ofNullable(exit.getNow(null));
        }
        try {
            return Optional.of(exit.get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException stillRunning) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String describe(Status status) {
        return status.getDescription() == null
                ? status.getCode().toString()
                : status.getCode() + " (" + status.getDescription() + ")";
    }

    private static ByteString bytes(byte[] data) {
        return data == null ? ByteString.EMPTY : ByteString.copyFrom(data);
    }
}
