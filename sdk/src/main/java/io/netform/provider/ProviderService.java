package io.netform.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.stub.StreamObserver;
import io.netform.goplugin.NonBlockingService;
import io.netform.json.ExactJson;
import io.netform.proto.tfplugin6.ApplyResourceChange;
import io.netform.proto.tfplugin6.CallFunction;
import io.netform.proto.tfplugin6.ConfigureProvider;
import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.GetFunctions;
import io.netform.proto.tfplugin6.GetMetadata;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.proto.tfplugin6.ImportResourceState;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import io.netform.proto.tfplugin6.ReadDataSource;
import io.netform.proto.tfplugin6.ReadResource;
import io.netform.proto.tfplugin6.ServerCapabilities;
import io.netform.proto.tfplugin6.StopProvider;
import io.netform.proto.tfplugin6.UpgradeResourceState;
import io.netform.proto.tfplugin6.ValidateDataResourceConfig;
import io.netform.proto.tfplugin6.ValidateProviderConfig;
import io.netform.proto.tfplugin6.ValidateResourceConfig;
import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.AttributePaths;
import io.netform.wire.FunctionParameter;
import io.netform.wire.FunctionSignature;
import io.netform.wire.ProviderDiagnostic;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import io.netform.wire.SchemaMessages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The tfplugin6 {@code Provider} service for a {@link Provider}: decodes values, runs the
 * provider's code, enforces the plan/apply contract and turns every failure into a diagnostic.
 *
 * <p>It never blocks the thread a call arrives on (in a plugin, the connection's event loop): the
 * framework's own work, the hooks of resources that {@linkplain ResourceType#computesOffline()
 * compute offline} and {@linkplain ProviderFunction functions} (which compute only on their
 * arguments) run there, and all other provider code runs on worker threads. StopProvider
 * interrupts the workers running provider calls, and every call after it, so that blocking
 * provider code ends early.
 */
public final class ProviderService extends ProviderGrpc.ProviderImplBase implements NonBlockingService, AutoCloseable {

    private final Provider provider;
    private final ExecutorService workers;
    private final Set<Thread> inFlight = ConcurrentHashMap.newKeySet();
    /** Like Terraform's stop context: once stopped, every later call starts out interrupted. */
    private volatile boolean stopped;
    /** Each type's value type, worked out once: every call decodes and encodes its values against it. */
    private final Map<String, Type> resourceTypes = new ConcurrentHashMap<>();

    private final Map<String, Type> dataSourceTypes = new ConcurrentHashMap<>();

    public ProviderService(Provider provider) {
        this.provider = provider;
        this.workers = NonBlockingService.workers(provider.name());
    }

    /** Ends the service when it is served in the host's JVM: its workers stop and the provider is closed. */
    @Override
    public void close() {
        workers.shutdownNow();
        provider.close();
    }

    @Override
    public void getMetadata(GetMetadata.Request request, StreamObserver<GetMetadata.Response> responses) {
        GetMetadata.Response.Builder response =
                GetMetadata.Response.newBuilder().setServerCapabilities(ServerCapabilities.getDefaultInstance());
        provider.resources()
                .keySet()
                .forEach(name -> response.addResources(
                        GetMetadata.ResourceMetadata.newBuilder().setTypeName(name)));
        provider.dataSources()
                .keySet()
                .forEach(name -> response.addDataSources(
                        GetMetadata.DataSourceMetadata.newBuilder().setTypeName(name)));
        provider.functions()
                .keySet()
                .forEach(name -> response.addFunctions(
                        GetMetadata.FunctionMetadata.newBuilder().setName(name)));
        reply(responses, response.build());
    }

    @Override
    public void getProviderSchema(
            GetProviderSchema.Request request, StreamObserver<GetProviderSchema.Response> responses) {
        Map<String, Schema> resources = new LinkedHashMap<>();
        provider.resources()
                .forEach((name, resource) ->
                        resources.put(name, marked(resource.schema(), resource.deprecationMessage())));
        Map<String, Schema> dataSources = new LinkedHashMap<>();
        provider.dataSources()
                .forEach((name, source) -> dataSources.put(name, marked(source.schema(), source.deprecationMessage())));
        ProviderSchema schema = new ProviderSchema(provider.schema(), resources, dataSources, signatures());
        reply(
                responses,
                SchemaMessages.encode(schema)
                        .setServerCapabilities(ServerCapabilities.getDefaultInstance())
                        .build());
    }

    @Override
    public void getFunctions(GetFunctions.Request request, StreamObserver<GetFunctions.Response> responses) {
        GetFunctions.Response.Builder response = GetFunctions.Response.newBuilder();
        signatures().forEach((name, signature) -> response.putFunctions(name, SchemaMessages.encode(signature)));
        reply(responses, response.build());
    }

    private Map<String, FunctionSignature> signatures() {
        Map<String, FunctionSignature> signatures = new LinkedHashMap<>();
        provider.functions().forEach((name, function) -> signatures.put(name, function.signature()));
        return signatures;
    }

    /**
     * Runs a function where the call arrives (functions compute only on their arguments), after
     * checking the arguments against its signature as the host should have; every failure becomes
     * the response's FunctionError.
     */
    @Override
    public void callFunction(CallFunction.Request request, StreamObserver<CallFunction.Response> responses) {
        CallFunction.Response.Builder response = CallFunction.Response.newBuilder();
        try {
            ProviderFunction function = provider.functions().get(request.getName());
            if (function == null) {
                throw new FunctionError(
                        "The provider " + provider.name() + " has no function named \"" + request.getName() + "\".");
            }
            FunctionSignature signature = function.signature();
            List<Value> arguments = arguments(signature, request.getArgumentsList());
            response.setResult(WireValues.encode(function.call(arguments), signature.returnType(), "The result"));
        } catch (FunctionError e) {
            io.netform.proto.tfplugin6.FunctionError.Builder error =
                    io.netform.proto.tfplugin6.FunctionError.newBuilder().setText(e.text());
            e.argumentIndex().ifPresent(error::setFunctionArgument);
            response.setError(error);
        } catch (DiagnosticException e) {
            response.setError(
                    io.netform.proto.tfplugin6.FunctionError.newBuilder().setText(e.summary() + ": " + e.detail()));
        } catch (RuntimeException e) {
            response.setError(io.netform.proto.tfplugin6.FunctionError.newBuilder()
                    .setText("Unexpected error in the provider " + provider.name() + " while calling the function "
                            + request.getName() + ": " + e));
        }
        reply(responses, response.build());
    }

    /** The arguments decoded against their parameters' types, each checked against what its parameter allows. */
    private static List<Value> arguments(FunctionSignature signature, List<DynamicValue> wire) {
        if (wire.size() < signature.parameters().size()) {
            throw new FunctionError("The function takes "
                    + signature.parameters().size() + " argument(s) but was given " + wire.size() + ".");
        }
        List<Value> arguments = new ArrayList<>(wire.size());
        for (int i = 0; i < wire.size(); i++) {
            int index = i;
            FunctionParameter parameter = signature
                    .parameterFor(i)
                    .orElseThrow(() -> FunctionError.argument(
                            index,
                            "The function takes only " + signature.parameters().size() + " argument(s)."));
            Value value;
            try {
                value = WireValues.decode(wire.get(i), parameter.type(), "The argument");
            } catch (DiagnosticException e) {
                throw FunctionError.argument(i, e.detail());
            }
            if (value.isNull() && !parameter.allowNull()) {
                throw FunctionError.argument(i, "The argument \"" + parameter.name() + "\" must not be null.");
            }
            if (!value.isWhollyKnown() && !parameter.allowUnknown()) {
                throw FunctionError.argument(i, "The argument \"" + parameter.name() + "\" must be known.");
            }
            arguments.add(value);
        }
        return arguments;
    }

    @Override
    public void validateProviderConfig(
            ValidateProviderConfig.Request request, StreamObserver<ValidateProviderConfig.Response> responses) {
        ValidateProviderConfig.Response.Builder response = ValidateProviderConfig.Response.newBuilder();
        onWorker(responses, response::build, response::addDiagnostics, "the provider configuration", () -> {
            Value config =
                    WireValues.decode(request.getConfig(), provider.schema().impliedType(), "the configuration");
            checkStructure(provider.schema().block(), config, response::addDiagnostics);
            provider.validate(config);
        });
    }

    @Override
    public void validateResourceConfig(
            ValidateResourceConfig.Request request, StreamObserver<ValidateResourceConfig.Response> responses) {
        ValidateResourceConfig.Response.Builder response = ValidateResourceConfig.Response.newBuilder();
        boolean here = offline(provider.resources().get(request.getTypeName()));
        run(here, responses, response::build, response::addDiagnostics, request.getTypeName(), () -> {
            ResourceType resource = resource(request.getTypeName());
            Value config =
                    WireValues.decode(request.getConfig(), type(resource, request.getTypeName()), "the configuration");
            checkStructure(resource.schema().block(), config, response::addDiagnostics);
            warnDeprecated(resource.deprecationMessage(), response::addDiagnostics);
            resource.validate(config);
        });
    }

    @Override
    public void validateDataResourceConfig(
            ValidateDataResourceConfig.Request request, StreamObserver<ValidateDataResourceConfig.Response> responses) {
        ValidateDataResourceConfig.Response.Builder response = ValidateDataResourceConfig.Response.newBuilder();
        onWorker(responses, response::build, response::addDiagnostics, request.getTypeName(), () -> {
            DataSource source = dataSource(request.getTypeName());
            Value config =
                    WireValues.decode(request.getConfig(), type(source, request.getTypeName()), "the configuration");
            checkStructure(source.schema().block(), config, response::addDiagnostics);
            warnDeprecated(source.deprecationMessage(), response::addDiagnostics);
            source.validate(config);
        });
    }

    @Override
    public void configureProvider(
            ConfigureProvider.Request request, StreamObserver<ConfigureProvider.Response> responses) {
        ConfigureProvider.Response.Builder response = ConfigureProvider.Response.newBuilder();
        onWorker(
                responses,
                response::build,
                response::addDiagnostics,
                "the provider configuration",
                () -> provider.configure(
                        WireValues.decode(request.getConfig(), provider.schema().impliedType(), "the configuration")));
    }

    @Override
    public void upgradeResourceState(
            UpgradeResourceState.Request request, StreamObserver<UpgradeResourceState.Response> responses) {
        UpgradeResourceState.Response.Builder response = UpgradeResourceState.Response.newBuilder();
        // State stored under the current version is the framework's to read; an older one is the provider's.
        ResourceType known = provider.resources().get(request.getTypeName());
        boolean here = offline(known) || request.getVersion() == known.schema().version();
        run(here, responses, response::build, response::addDiagnostics, request.getTypeName(), () -> {
            ResourceType resource = resource(request.getTypeName());
            Type type = type(resource, request.getTypeName());
            Value upgraded = upgrade(resource, type, request.getVersion(), request.getRawState());
            response.setUpgradedState(WireValues.encode(upgraded, type, "the upgraded state"));
        });
    }

    @Override
    public void readResource(ReadResource.Request request, StreamObserver<ReadResource.Response> responses) {
        ReadResource.Response.Builder response = ReadResource.Response.newBuilder();
        onWorker(responses, response::build, response::addDiagnostics, request.getTypeName(), () -> {
            ResourceType resource = resource(request.getTypeName());
            Type type = type(resource, request.getTypeName());
            Value current = WireValues.decode(request.getCurrentState(), type, "the current state");
            Value now = resource.read(current);
            response.setNewState(WireValues.encode(now, type, "the state read")).setPrivate(request.getPrivate());
        });
    }

    @Override
    public void planResourceChange(
            PlanResourceChange.Request request, StreamObserver<PlanResourceChange.Response> responses) {
        PlanResourceChange.Response.Builder response = PlanResourceChange.Response.newBuilder();
        boolean here = offline(provider.resources().get(request.getTypeName()));
        run(here, responses, response::build, response::addDiagnostics, request.getTypeName(), () -> {
            ResourceType resource = resource(request.getTypeName());
            Type type = type(resource, request.getTypeName());
            Value prior = WireValues.decode(request.getPriorState(), type, "the prior state");
            Value proposed = WireValues.decode(request.getProposedNewState(), type, "the proposed state");
            Value config = WireValues.decode(request.getConfig(), type, "the configuration");
            ResourcePlanner.Planned planned = ResourcePlanner.plan(resource.schema(), prior, proposed, config);
            Value state =
                    planned.state().isNull() ? planned.state() : resource.customizePlan(prior, planned.state(), config);
            response.setPlannedState(WireValues.encode(state, type, "the planned state"))
                    .setPlannedPrivate(request.getPriorPrivate());
            planned.requiresReplace().forEach(path -> response.addRequiresReplace(AttributePaths.toProto(path)));
            if (!prior.isNull() && !state.isNull()) {
                resource.replacedBy(prior, state)
                        .forEach(path -> response.addRequiresReplace(AttributePaths.toProto(path)));
            }
        });
    }

    @Override
    public void applyResourceChange(
            ApplyResourceChange.Request request, StreamObserver<ApplyResourceChange.Response> responses) {
        ApplyResourceChange.Response.Builder response = ApplyResourceChange.Response.newBuilder();
        onWorker(responses, response::build, response::addDiagnostics, request.getTypeName(), () -> {
            ResourceType resource = resource(request.getTypeName());
            Type type = type(resource, request.getTypeName());
            Value prior = WireValues.decode(request.getPriorState(), type, "the prior state");
            Value planned = WireValues.decode(request.getPlannedState(), type, "the planned state");
            Value config = WireValues.decode(request.getConfig(), type, "the configuration");
            // Should the change fail, the object is as it was: the host records that.
            response.setNewState(request.getPriorState());
            Value result = apply(resource, type, prior, planned, config);
            response.setNewState(WireValues.encode(result, type, "the new state"))
                    .setPrivate(request.getPlannedPrivate());
            List<String> problems = planned.isNull() ? List.of() : AppliedStateCheck.violations(planned, result);
            if (!problems.isEmpty()) {
                response.addDiagnostics(ProviderDiagnostic.error(
                                "Provider produced inconsistent result after apply",
                                "The new state of this " + request.getTypeName() + " breaks its plan: "
                                        + String.join("; ", problems) + ". This is a bug in the provider "
                                        + provider.name() + ".")
                        .toProto());
            }
        });
    }

    @Override
    public void importResourceState(
            ImportResourceState.Request request, StreamObserver<ImportResourceState.Response> responses) {
        ImportResourceState.Response.Builder response = ImportResourceState.Response.newBuilder();
        onWorker(responses, response::build, response::addDiagnostics, request.getTypeName(), () -> {
            ResourceType resource = resource(request.getTypeName());
            Value state = resource.importState(request.getId());
            response.addImportedResources(ImportResourceState.ImportedResource.newBuilder()
                    .setTypeName(request.getTypeName())
                    .setState(WireValues.encode(state, type(resource, request.getTypeName()), "the imported state")));
        });
    }

    @Override
    public void readDataSource(ReadDataSource.Request request, StreamObserver<ReadDataSource.Response> responses) {
        ReadDataSource.Response.Builder response = ReadDataSource.Response.newBuilder();
        onWorker(responses, response::build, response::addDiagnostics, request.getTypeName(), () -> {
            DataSource source = dataSource(request.getTypeName());
            Type type = type(source, request.getTypeName());
            Value config = WireValues.decode(request.getConfig(), type, "the configuration");
            response.setState(WireValues.encode(source.read(config), type, "the data read"));
        });
    }

    @Override
    public void stopProvider(StopProvider.Request request, StreamObserver<StopProvider.Response> responses) {
        stopped = true;
        Thread self = Thread.currentThread();
        inFlight.stream().filter(thread -> thread != self).forEach(Thread::interrupt);
        reply(responses, StopProvider.Response.getDefaultInstance());
    }

    private static Value apply(ResourceType resource, Type type, Value prior, Value planned, Value config) {
        if (planned.isNull()) {
            resource.delete(prior);
            return Value.nullOf(type);
        }
        Value result = prior.isNull() ? resource.create(planned, config) : resource.update(prior, planned, config);
        if (result == null) {
            throw new IllegalStateException("the provider returned no new state (Java null)");
        }
        return result;
    }

    private static Value upgrade(
            ResourceType resource, Type type, long version, io.netform.proto.tfplugin6.RawState raw) {
        if (raw.getJson().isEmpty()) {
            if (raw.getFlatmapCount() > 0) {
                throw new DiagnosticException(
                        "Cannot upgrade stored state",
                        "The state is in the legacy flatmap format, which this provider does not read.");
            }
            return Value.nullOf(type);
        }
        JsonNode stored;
        try {
            stored = StoredStateJson.MAPPER.readTree(raw.getJson().toByteArray());
        } catch (IOException e) {
            throw new DiagnosticException(
                    "Cannot upgrade stored state", "The stored state is not JSON: " + e.getMessage());
        }
        if (version != resource.schema().version()) {
            return resource.upgradeState(version, stored);
        }
        try {
            return CtyJson.fromNode(stored, type);
        } catch (CodecException e) {
            throw new DiagnosticException("Cannot read stored state", e.reason(), e.path());
        }
    }

    /**
     * The schema's own rules, checked before the provider's: required arguments first, then the
     * number of nested blocks, each violation its own diagnostic.
     */
    private static void checkStructure(SchemaBlock block, Value config, Consumer<Diagnostic> diagnostics) {
        requireArguments(block, config);
        BlockLimits.violations(block, config)
                .forEach(violation -> diagnostics.accept(violation.diagnostic().toProto()));
    }

    /** A deprecated type's schema, its block marked deprecated. */
    private static Schema marked(Schema schema, String deprecationMessage) {
        return deprecationMessage.isEmpty()
                ? schema
                : new Schema(schema.version(), schema.block().deprecated());
    }

    /** The plugin SDK's warning for a deprecated resource type or data source, named the same for both. */
    private static void warnDeprecated(String deprecationMessage, Consumer<Diagnostic> diagnostics) {
        if (!deprecationMessage.isEmpty()) {
            diagnostics.accept(
                    new ProviderDiagnostic(false, "Deprecated Resource", deprecationMessage, null).toProto());
        }
    }

    /** The protocol's own rule: a required argument must be set, though it may still be unknown. */
    private static void requireArguments(SchemaBlock block, Value config) {
        if (config.isNull() || !config.isKnown()) {
            return;
        }
        for (SchemaAttribute attribute : block.attributes().values()) {
            if (attribute.isRequired() && config.getAttr(attribute.name()).isNull()) {
                throw new DiagnosticException(
                        "Missing required argument",
                        "The argument \"" + attribute.name() + "\" is required, but no definition was found.",
                        AttributePath.of(attribute.name()));
            }
        }
    }

    private Type type(ResourceType resource, String typeName) {
        return resourceTypes.computeIfAbsent(typeName, name -> resource.schema().impliedType());
    }

    private Type type(DataSource source, String typeName) {
        return dataSourceTypes.computeIfAbsent(typeName, name -> source.schema().impliedType());
    }

    private ResourceType resource(String typeName) {
        ResourceType resource = provider.resources().get(typeName);
        if (resource == null) {
            throw new DiagnosticException(
                    "Unknown resource type",
                    "The provider " + provider.name() + " has no resource type \"" + typeName + "\".");
        }
        return resource;
    }

    private DataSource dataSource(String typeName) {
        DataSource source = provider.dataSources().get(typeName);
        if (source == null) {
            throw new DiagnosticException(
                    "Unknown data source",
                    "The provider " + provider.name() + " has no data source \"" + typeName + "\".");
        }
        return source;
    }

    /** Whether a resource's hooks may run where the call arrived; an unknown type (null) only gets its error. */
    private static boolean offline(ResourceType resource) {
        return resource == null || resource.computesOffline();
    }

    /** Runs provider code that may block on a worker thread, and answers from there. */
    private <T> void onWorker(
            StreamObserver<T> responses,
            Supplier<T> response,
            Consumer<Diagnostic> diagnostics,
            String subject,
            Runnable work) {
        run(false, responses, response, diagnostics, subject, work);
    }

    /**
     * Runs the work here or on a worker thread, where StopProvider can interrupt it, turning whatever
     * it throws into an error diagnostic, then sends the response.
     */
    private <T> void run(
            boolean here,
            StreamObserver<T> responses,
            Supplier<T> response,
            Consumer<Diagnostic> diagnostics,
            String subject,
            Runnable work) {
        if (here) {
            attempt(diagnostics, subject, work);
            reply(responses, response.get());
            return;
        }
        workers.execute(() -> {
            Thread thread = Thread.currentThread();
            inFlight.add(thread);
            if (stopped) {
                thread.interrupt();
            }
            try {
                attempt(diagnostics, subject, work);
            } finally {
                inFlight.remove(thread);
                // An interrupt meant for this call must not leak into the next one on this thread.
                Thread.interrupted();
            }
            reply(responses, response.get());
        });
    }

    private void attempt(Consumer<Diagnostic> diagnostics, String subject, Runnable work) {
        try {
            work.run();
        } catch (DiagnosticException e) {
            diagnostics.accept(e.diagnostic().toProto());
        } catch (RuntimeException e) {
            diagnostics.accept(ProviderDiagnostic.error(
                            "Unexpected error in the provider " + provider.name(),
                            "While handling " + subject + ": " + e)
                    .toProto());
        }
    }

    private static <T> void reply(StreamObserver<T> responses, T response) {
        responses.onNext(response);
        responses.onCompleted();
    }

    /**
     * Jackson's mapper, made on first use: building it loads hundreds of classes, which would
     * cost every plugin start-up time though few calls ever read stored JSON.
     */
    private static final class StoredStateJson {
        static final ObjectMapper MAPPER = ExactJson.MAPPER;
    }
}
