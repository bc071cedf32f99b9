package io.netform.cli;

import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.core.Backend;
import io.netform.core.BackendRecord;
import io.netform.core.LocalStateBackend;
import io.netform.core.Result;
import io.netform.core.StateBackend;
import io.netform.core.StateBackends;
import io.netform.hcl.Diagnostic;
import io.netform.state.SnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The workspaces of a working directory, kept by the backend init recorded for it (the local
 * backend when the configuration has no backend block); the selected one is recorded in
 * {@code .netform/environment}, and {@code NETFORM_WORKSPACE} (or Terraform's {@code TF_WORKSPACE})
 * overrides that choice. Every state is stored in the {@link SnapshotCodec}'s form the caller gives
 * (the configuration's encryption), whatever the backend.
 */
final class Workspaces {

    /** The workspace that always exists. */
    static final String DEFAULT = Backend.DEFAULT_WORKSPACE;

    /** Names that stay the same when escaped into a URL path segment, as Terraform requires. */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9\\-_.~!$&'()*+,;=:@]+");

    private final Path dir;
    private final Backend backend;
    private final Map<String, String> env;

    private Workspaces(Path dir, Backend backend, Map<String, String> env) {
        this.dir = dir;
        this.backend = backend;
        this.env = Map.copyOf(env);
    }

    /**
     * The workspaces of {@code netform}'s working directory, in the backend init recorded, their states
     * stored in {@code codec}'s form ({@link SnapshotCodec#PLAIN} only for a command that reads and writes
     * no state, such as workspace list or select).
     *
     * @throws BackendUnavailable when the configuration's backend block is not the one init recorded
     */
    static Workspaces of(NetformCommand netform, SnapshotCodec codec) {
        LoadResult loaded = ModuleLoader.load(netform.workingDir());
        if (loaded.hasErrors()) {
            // A broken configuration still has workspaces: those of the backend init recorded.
            BackendRecord recorded = BackendRecord.read(netform.workingDir()).orElseGet(BackendRecord::implicitLocal);
            return open(netform, recorded, loaded.sources(), codec);
        }
        return of(netform, loaded.root(), loaded.sources(), codec);
    }

    /**
     * The workspaces of {@code netform}'s working directory, whose configuration {@code root} is loaded,
     * their states stored in {@code codec}'s form.
     */
    static Workspaces of(NetformCommand netform, Module root, Map<String, String> sources, SnapshotCodec codec) {
        Result<BackendRecord> resolved =
                BackendRecord.resolve(netform.workingDir(), root.settings().backend(), sources);
        if (resolved.failed()) {
            throw new BackendUnavailable(resolved.diagnostics(), sources);
        }
        return open(netform, resolved.value(), sources, codec);
    }

    private static Workspaces open(
            NetformCommand netform, BackendRecord recorded, Map<String, String> sources, SnapshotCodec codec) {
        try {
            return new Workspaces(
                    netform.workingDir(),
                    StateBackends.open(recorded.type(), recorded.config(), netform.workingDir(), netform.env(), codec),
                    netform.env());
        } catch (IllegalArgumentException e) {
            throw new BackendUnavailable(
                    List.of(Diagnostic.error("Invalid backend configuration", e.getMessage(), null)), sources);
        }
    }

    /** Whether {@code name} can name a workspace. */
    static boolean isValidName(String name) {
        return VALID_NAME.matcher(name).matches();
    }

    /** The backend that keeps the workspaces. */
    Backend backend() {
        return backend;
    }

    /** The environment variable that overrides the selected workspace, or null when none is set. */
    String overridingVariable() {
        for (String name : List.of("NETFORM_WORKSPACE", "TF_WORKSPACE")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return name;
            }
        }
        return null;
    }

    /** The workspace commands use: the overriding variable's, else the selected one, else default. */
    String current() {
        String variable = overridingVariable();
        if (variable != null) {
            return env.get(variable).strip();
        }
        Path file = selectionFile();
        try {
            String selected = Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).strip()
                    : "";
            return selected.isEmpty() ? DEFAULT : selected;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every workspace: default first, then the others by name. */
    List<String> list() {
        return backend.workspaces();
    }

    boolean exists(String name) {
        return name.equals(DEFAULT) || list().contains(name);
    }

    /** The state of workspace {@code name}. */
    StateBackend state(String name) {
        return backend.state(name);
    }

    /**
     * The state of the current workspace, or of the file {@code stateFlag} (-state) names when not null,
     * which only the local backend takes; stored in {@code codec}'s form.
     */
    static StateBackend backend(
            NetformCommand netform, Module root, Map<String, String> sources, Path stateFlag, SnapshotCodec codec) {
        return of(netform, root, sources, codec).stateOrFile(netform, stateFlag, codec);
    }

    /** {@link #backend} for a command that has not loaded the configuration. */
    static StateBackend backend(NetformCommand netform, Path stateFlag, SnapshotCodec codec) {
        return of(netform, codec).stateOrFile(netform, stateFlag, codec);
    }

    private StateBackend stateOrFile(NetformCommand netform, Path stateFlag, SnapshotCodec codec) {
        if (stateFlag == null) {
            return backend.state(current());
        }
        if (!backend.type().equals("local")) {
            throw new BackendUnavailable(
                    List.of(Diagnostic.error(
                            "Invalid -state option",
                            "-state names a local state file, which only the local backend uses; this working "
                                    + "directory's state is in the " + backend.type() + " backend. Leave -state out, "
                                    + "or use netform state pull / state push to copy state to and from a file.",
                            null)),
                    Map.of());
        }
        return new LocalStateBackend(netform.workingDir().resolve(stateFlag), current(), codec);
    }

    /** Makes workspace {@code name}, which has no state yet. */
    void create(String name) {
        backend.createWorkspace(name, BuildInfo.version());
    }

    /** Records {@code name} as the selected workspace. */
    void select(String name) {
        Path file = selectionFile();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, name, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes workspace {@code name} (not default) with its state. */
    void delete(String name) {
        backend.deleteWorkspace(name);
    }

    /** Netform's counterpart of Terraform's {@code .terraform/environment}. */
    private Path selectionFile() {
        return dir.resolve(".netform").resolve("environment");
    }
}
