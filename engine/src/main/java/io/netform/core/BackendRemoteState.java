package io.netform.core;

import io.netform.plugins.builtin.RemoteStateBackend;
import io.netform.provider.DiagnosticException;
import io.netform.state.State;
import io.netform.state.encryption.EncryptionTarget;
import io.netform.value.AttributePath;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A backend type as {@code terraform_remote_state} reads it: its {@code config} takes the settings of
 * that type's backend block ({@link StateBackends#settings}), with the environment variables the backend
 * reads for what it leaves out and relative paths from the command's working directory; the state is
 * opened by {@link StateBackends#open(String, Map, String, Path, Map)} and only its last snapshot read,
 * never locked, replayed or written.
 */
final class BackendRemoteState implements RemoteStateBackend {

    private final String type;
    private final Path dir;
    private final Map<String, String> env;

    BackendRemoteState(String type, Path dir, Map<String, String> env) {
        this.type = type;
        this.dir = dir;
        this.env = Map.copyOf(env);
    }

    @Override
    public void validate(Value config) {
        if (!config.isKnown()) {
            return;
        }
        for (var setting : config.asMap().entrySet()) {
            if (!StateBackends.settings(type).contains(setting.getKey())) {
                throw invalid("unsupported attribute \"" + setting.getKey() + "\"");
            }
            if (!Conversion.canConvert(setting.getValue().type(), Type.STRING)) {
                throw invalid("attribute \"" + setting.getKey() + "\": string required");
            }
        }
    }

    @Override
    public Optional<State> read(Value config, String workspace) {
        Map<String, String> settings = new HashMap<>();
        config.asMap().forEach((name, value) -> {
            if (!value.isNull()) {
                settings.put(name, asString(value));
            }
        });
        StateBackend opened;
        try {
            opened = StateBackends.open(type, settings, workspace, dir, env);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        try (StateBackend state = opened) {
            // an absent or empty snapshot holds no state, as Terraform's backends read it
            Optional<byte[]> stored = state.stored().filter(bytes -> bytes.length > 0);
            if (stored.isPresent() && EncryptionTarget.isEncrypted(stored.get())) {
                throw new DiagnosticException(
                        "Error loading state error",
                        "error loading the remote state: " + state.describe() + ": the state is encrypted "
                                + "(OpenTofu's state encryption), and terraform_remote_state reads only states "
                                + "stored in clear: Netform does not implement OpenTofu's remote_state_data_sources.",
                        AttributePath.of("backend"));
            }
            return stored.map(bytes -> state.codec().decode(bytes, state.describe()));
        } catch (RuntimeException e) {
            if (e instanceof DiagnosticException d) {
                throw d;
            }
            throw new DiagnosticException(
                    "Error loading state error",
                    "error loading the remote state: " + e.getMessage(),
                    AttributePath.of("backend"));
        }
    }

    private String asString(Value value) {
        try {
            return Conversion.convert(value, Type.STRING).asString();
        } catch (ConversionException e) {
            throw invalid(e.getMessage());
        }
    }

    private DiagnosticException invalid(String problem) {
        return new DiagnosticException(
                "Invalid backend configuration",
                "The given configuration is not valid for backend \"" + type + "\": " + problem + ".",
                AttributePath.of("config"));
    }
}
