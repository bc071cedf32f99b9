package io.netform.plugins.builtin;

import io.netform.provider.DataSource;
import io.netform.provider.DiagnosticException;
import io.netform.state.OutputState;
import io.netform.state.State;
import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code terraform_remote_state}: the root outputs of another configuration's latest state snapshot, read
 * from the backend {@code backend} names, configured by {@code config}, in {@code workspace}
 * ({@code default} unless set); {@code defaults} stand in for outputs the state does not have.
 */
final class RemoteStateDataSource implements DataSource {

    /** The data source's type name. */
    static final String TYPE = "terraform_remote_state";

    private static final String DEFAULT_WORKSPACE = "default";

    private static final Schema SCHEMA = Schema.of(SchemaBlock.of(
            SchemaAttribute.string("backend").required().describedAs("The type of backend the state is kept in."),
            SchemaAttribute.of("config", Type.DYNAMIC)
                    .optional()
                    .describedAs("The backend's configuration, as in its backend block."),
            SchemaAttribute.of("defaults", Type.DYNAMIC)
                    .optional()
                    .describedAs("Values for outputs the state does not have."),
            SchemaAttribute.of("outputs", Type.DYNAMIC).computed().describedAs("The state's root module outputs."),
            SchemaAttribute.string("workspace").optional().describedAs("The workspace to read; default \"default\".")));

    private final Map<String, RemoteStateBackend> backends;

    RemoteStateDataSource(Map<String, RemoteStateBackend> backends) {
        this.backends = new TreeMap<>(backends);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void validate(Value config) {
        Value type = config.getAttr("backend");
        if (type.isKnown() && !type.isNull()) {
            backend(type.asString()).validate(backendConfig(config.getAttr("config")));
        }
    }

    @Override
    public Value read(Value config) {
        RemoteStateBackend backend = backend(config.getAttr("backend").asString());
        Value backendConfig = backendConfig(config.getAttr("config"));
        backend.validate(backendConfig);
        Value workspace = config.getAttr("workspace");
        State state = backend.read(backendConfig, workspace.isNull() ? DEFAULT_WORKSPACE : workspace.asString())
                .orElseThrow(() -> new DiagnosticException(
                        "Unable to find remote state",
                        "No stored state was found for the given workspace in the given backend.",
                        AttributePath.of("workspace")));
        Value defaults = config.getAttr("defaults");
        Map<String, Value> outputs = new LinkedHashMap<>();
        if (!defaults.isNull()) {
            if (!(defaults.type() instanceof Type.ObjectType || defaults.type() instanceof Type.MapType)) {
                throw new DiagnosticException(
                        "Invalid defaults",
                        "The defaults must be an object or a map of output values, not "
                                + defaults.type().friendlyName() + ".",
                        AttributePath.of("defaults"));
            }
            outputs.putAll(defaults.asMap());
        }
        state.outputs().forEach((name, output) -> outputs.put(name, value(name, output)));
        Map<String, Value> result = new HashMap<>();
        result.put("backend", config.getAttr("backend"));
        result.put("config", config.getAttr("config"));
        result.put("workspace", workspace);
        result.put("defaults", defaults.isNull() ? Value.nullOf(Type.DYNAMIC) : defaults);
        result.put("outputs", Value.object(outputs));
        return Value.object(result);
    }

    private RemoteStateBackend backend(String type) {
        RemoteStateBackend backend = backends.get(type);
        if (backend == null) {
            throw new DiagnosticException(
                    "Invalid backend configuration",
                    "There is no backend type named \"" + type + "\" that Netform can read; terraform_remote_state"
                            + " reads the backend types " + String.join(", ", backends.keySet()) + ".",
                    AttributePath.of("backend"));
        }
        return backend;
    }

    /** The backend's configuration: an object, empty when not set, as Terraform treats a missing one. */
    private static Value backendConfig(Value config) {
        if (config.isNull()) {
            return Value.object(Map.of());
        }
        if (config.isKnown() && !(config.type() instanceof Type.ObjectType)) {
            throw new DiagnosticException(
                    "Invalid backend configuration",
                    "The configuration must be an object value.",
                    AttributePath.of("config"));
        }
        return config;
    }

    /** An output's value. */
    private static Value value(String name, OutputState output) {
        try {
            return CtyJson.fromNode(output.value(), TypeJson.fromNode(output.type()));
        } catch (CodecException e) {
            throw new DiagnosticException(
                    "Error loading state error",
                    "The remote state's output \"" + name + "\" cannot be read: " + e.getMessage() + ".",
                    AttributePath.of("backend"));
        }
    }
}
