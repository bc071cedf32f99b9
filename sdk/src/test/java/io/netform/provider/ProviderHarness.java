package io.netform.provider;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.netform.goplugin.PluginClient;
import io.netform.goplugin.PluginLaunch;
import io.netform.proto.tfplugin6.ApplyResourceChange;
import io.netform.proto.tfplugin6.ConfigureProvider;
import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.proto.tfplugin6.ImportResourceState;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import io.netform.proto.tfplugin6.ReadDataSource;
import io.netform.proto.tfplugin6.ReadResource;
import io.netform.proto.tfplugin6.StopProvider;
import io.netform.proto.tfplugin6.ValidateResourceConfig;
import io.netform.value.CodecException;
import io.netform.value.MsgpackCodec;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Drives a provider the way the engine does (configure, validate, plan, apply, read, import, read
 * data), in this JVM or as a plugin process, with values in and out. Types come from the
 * provider's own GetProviderSchema answer.
 */
public final class ProviderHarness implements AutoCloseable {

    /** A planned state, the paths that force replacement, and the provider's diagnostics. */
    public record Planned(
            Value state,
            List<io.netform.proto.tfplugin6.AttributePath> requiresReplace,
            List<Diagnostic> diagnostics) {}

    /** A state (new, read or imported) and the provider's diagnostics. */
    public record Result(Value state, List<Diagnostic> diagnostics) {}

    private final ProviderGrpc.ProviderBlockingStub provider;
    private final Runnable resources;
    private final GetProviderSchema.Response schema;

    private ProviderHarness(ProviderGrpc.ProviderBlockingStub provider, Runnable resources) {
        this.provider = provider;
        this.resources = resources;
        this.schema = provider.getProviderSchema(GetProviderSchema.Request.getDefaultInstance());
    }

    /**
     * The provider served in this JVM, over a loopback gRPC connection; its calls arrive on the
     * connection's event loop, as in a plugin.
     */
    public static ProviderHarness inProcess(Provider provider) {
        try {
            ProviderService service = new ProviderService(provider);
            Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .directExecutor()
                    .addService(service)
                    .build()
                    .start();
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                    .usePlaintext()
                    .build();
            return new ProviderHarness(ProviderGrpc.newBlockingStub(channel), () -> {
                channel.shutdownNow();
                server.shutdownNow();
                try {
                    channel.awaitTermination(5, TimeUnit.SECONDS);
                    server.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                service.close();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the provider on loopback", e);
        }
    }

    /** The provider as a plugin process, launched as the engine launches it. */
    public static ProviderHarness launch(PluginLaunch launch) {
        PluginClient plugin = PluginClient.launch(launch);
        return new ProviderHarness(ProviderGrpc.newBlockingStub(plugin.channel()), plugin::close);
    }

    /** The raw tfplugin6 stub, for calls the harness does not wrap. */
    public ProviderGrpc.ProviderBlockingStub stub() {
        return provider;
    }

    /** The type of a resource type's objects, from the provider's schema. */
    public Type resourceType(String typeName) {
        return impliedType(schema.getResourceSchemasOrThrow(typeName).getBlock());
    }

    /** The type of a data source's objects, from the provider's schema. */
    public Type dataSourceType(String typeName) {
        return impliedType(schema.getDataSourceSchemasOrThrow(typeName).getBlock());
    }

    public List<Diagnostic> configure(Value config) {
        Type type = impliedType(schema.getProvider().getBlock());
        return provider.configureProvider(ConfigureProvider.Request.newBuilder()
                        .setConfig(wire(config, type))
                        .build())
                .getDiagnosticsList();
    }

    public List<Diagnostic> validate(String typeName, Value config) {
        return provider.validateResourceConfig(ValidateResourceConfig.Request.newBuilder()
                        .setTypeName(typeName)
                        .setConfig(wire(config, resourceType(typeName)))
                        .build())
                .getDiagnosticsList();
    }

    /**
     * Plans from prior to config; the proposed state is built as the engine builds it for
     * top-level attributes: the config, with prior values for computed attributes it leaves null.
     */
    public Planned plan(String typeName, Value prior, Value config) {
        Type type = resourceType(typeName);
        PlanResourceChange.Response response = provider.planResourceChange(PlanResourceChange.Request.newBuilder()
                .setTypeName(typeName)
                .setPriorState(wire(prior, type))
                .setProposedNewState(wire(proposed(typeName, prior, config), type))
                .setConfig(wire(config, type))
                .build());
        return new Planned(
                value(response.getPlannedState(), type),
                response.getRequiresReplaceList(),
                response.getDiagnosticsList());
    }

    public Result apply(String typeName, Value prior, Value planned, Value config) {
        Type type = resourceType(typeName);
        ApplyResourceChange.Response response = provider.applyResourceChange(ApplyResourceChange.Request.newBuilder()
                .setTypeName(typeName)
                .setPriorState(wire(prior, type))
                .setPlannedState(wire(planned, type))
                .setConfig(wire(config, type))
                .build());
        return new Result(value(response.getNewState(), type), response.getDiagnosticsList());
    }

    /** Plans and applies a new object, failing with the diagnostics if either step reports any. */
    public Value create(String typeName, Value config) {
        Value nothing = Value.nullOf(resourceType(typeName));
        Planned planned = plan(typeName, nothing, config);
        requireNoDiagnostics("planning", planned.diagnostics());
        Result applied = apply(typeName, nothing, planned.state(), config);
        requireNoDiagnostics("applying", applied.diagnostics());
        return applied.state();
    }

    public Result read(String typeName, Value current) {
        Type type = resourceType(typeName);
        ReadResource.Response response = provider.readResource(ReadResource.Request.newBuilder()
                .setTypeName(typeName)
                .setCurrentState(wire(current, type))
                .build());
        return new Result(value(response.getNewState(), type), response.getDiagnosticsList());
    }

    public Result importState(String typeName, String id) {
        ImportResourceState.Response response = provider.importResourceState(ImportResourceState.Request.newBuilder()
                .setTypeName(typeName)
                .setId(id)
                .build());
        Value state = response.getImportedResourcesCount() == 0
                ? Value.nullOf(resourceType(typeName))
                : value(response.getImportedResources(0).getState(), resourceType(typeName));
        return new Result(state, response.getDiagnosticsList());
    }

    public Result readData(String typeName, Value config) {
        Type type = dataSourceType(typeName);
        ReadDataSource.Response response = provider.readDataSource(ReadDataSource.Request.newBuilder()
                .setTypeName(typeName)
                .setConfig(wire(config, type))
                .build());
        return new Result(value(response.getState(), type), response.getDiagnosticsList());
    }

    /** Sends StopProvider and returns its error text (empty when none). */
    public String stop() {
        return provider.stopProvider(StopProvider.Request.getDefaultInstance()).getError();
    }

    @Override
    public void close() {
        resources.run();
    }

    /** The value as msgpack of the type. */
    public static DynamicValue wire(Value value, Type type) {
        try {
            return DynamicValue.newBuilder()
                    .setMsgpack(ByteString.copyFrom(MsgpackCodec.encode(value, type)))
                    .build();
        } catch (CodecException e) {
            throw new IllegalArgumentException(
                    "the value does not fit " + type.friendlyName() + ": " + e.getMessage(), e);
        }
    }

    /** The value in a DynamicValue the provider sent: msgpack, or null when it sent nothing. */
    public static Value value(DynamicValue wire, Type type) {
        if (wire.getMsgpack().isEmpty() && wire.getJson().isEmpty()) {
            return Value.nullOf(type);
        }
        try {
            return MsgpackCodec.decode(wire.getMsgpack().toByteArray(), type);
        } catch (CodecException e) {
            throw new AssertionError(
                    "the provider sent no msgpack of " + type.friendlyName() + ": " + e.getMessage(), e);
        }
    }

    private Value proposed(String typeName, Value prior, Value config) {
        if (prior.isNull() || config.isNull()) {
            return config;
        }
        Map<String, Value> attributes = new TreeMap<>(config.asMap());
        for (io.netform.proto.tfplugin6.Schema.Attribute attribute :
                schema.getResourceSchemasOrThrow(typeName).getBlock().getAttributesList()) {
            if (attribute.getComputed() && config.getAttr(attribute.getName()).isNull()) {
                attributes.put(attribute.getName(), prior.getAttr(attribute.getName()));
            }
        }
        return Value.object(attributes);
    }

    private static void requireNoDiagnostics(String step, List<Diagnostic> diagnostics) {
        if (!diagnostics.isEmpty()) {
            throw new AssertionError(step + " reported " + diagnostics);
        }
    }

    private static Type impliedType(io.netform.proto.tfplugin6.Schema.Block block) {
        Map<String, Type> types = new LinkedHashMap<>();
        try {
            for (io.netform.proto.tfplugin6.Schema.Attribute attribute : block.getAttributesList()) {
                types.put(
                        attribute.getName(), TypeJson.decode(attribute.getType().toByteArray()));
            }
        } catch (CodecException e) {
            throw new AssertionError("the provider's schema holds an unreadable type: " + e.getMessage(), e);
        }
        for (io.netform.proto.tfplugin6.Schema.NestedBlock nested : block.getBlockTypesList()) {
            Type object = impliedType(nested.getBlock());
            types.put(
                    nested.getTypeName(),
                    switch (nested.getNesting()) {
                        case LIST -> Type.list(object);
                        case SET -> Type.set(object);
                        case MAP -> Type.map(object);
                        default -> object;
                    });
        }
        return Type.object(types);
    }
}
