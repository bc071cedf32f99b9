package io.netform.core;

import io.netform.plugins.builtin.RemoteStateBackend;
import io.netform.provider.DiagnosticException;
import io.netform.state.State;
import io.netform.state.StateCodec;
import io.netform.state.StateFormatException;
import io.netform.value.AttributePath;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code local} backend as {@code terraform_remote_state} reads it: settings {@code path} and
 * {@code workspace_dir}, relative to the command's working directory, find the state file as the local
 * backend does; the file is only read, never locked, replayed or written.
 */
final class LocalRemoteState implements RemoteStateBackend {

    private static final Set<String> SETTINGS = Set.of("path", "workspace_dir");

    private final Path dir;

    LocalRemoteState(Path dir) {
        this.dir = dir;
    }

    @Override
    public void validate(Value config) {
        if (!config.isKnown()) {
            return;
        }
        for (var setting : config.asMap().entrySet()) {
            Value value = setting.getValue();
            if (!SETTINGS.contains(setting.getKey())) {
                throw invalid("unsupported attribute \"" + setting.getKey() + "\"");
            }
            if (!Conversion.canConvert(value.type(), Type.STRING)) {
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
        Path file = LocalStateBackend.statePath(dir, settings, workspace);
        try {
            // an absent or empty file holds no state, as Terraform's local backend reads it
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return Optional.empty();
            }
            return Optional.of(StateCodec.decode(Files.readAllBytes(file), file.toString()));
        } catch (IOException | StateFormatException e) {
            throw new DiagnosticException(
                    "Error loading state error",
                    "error loading the remote state: " + e.getMessage(),
                    AttributePath.of("backend"));
        }
    }

    private static String asString(Value value) {
        try {
            return Conversion.convert(value, Type.STRING).asString();
        } catch (ConversionException e) {
            throw invalid(e.getMessage());
        }
    }

    private static DiagnosticException invalid(String problem) {
        return new DiagnosticException(
                "Invalid backend configuration",
                "The given configuration is not valid for backend \"local\": " + problem + ".",
                AttributePath.of("config"));
    }
}
