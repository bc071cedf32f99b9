package io.netform.cli;

import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.core.LocalStateBackend;
import io.netform.core.StateBackend;
import io.netform.state.SnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local backend's workspaces in a working directory, as Terraform keeps them: {@code default}
 * keeps its state at the backend's {@code path} (terraform.tfstate), every other workspace NAME at
 * {@code terraform.tfstate.d/NAME/terraform.tfstate} (under the backend's {@code workspace_dir}); the
 * selected one is recorded in {@code .netform/environment}, and {@code NETFORM_WORKSPACE} (or
 * Terraform's {@code TF_WORKSPACE}) overrides that choice.
 */
final class Workspaces {

    /** The workspace that always exists. */
    static final String DEFAULT = LocalStateBackend.DEFAULT_WORKSPACE;

    /** Names that stay the same when escaped into a URL path segment, as Terraform requires. */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9\\-_.~!$&'()*+,;=:@]+");

    private final Path dir;
    private final Map<String, String> backendConfig;
    private final Map<String, String> env;

    Workspaces(Path dir, Map<String, String> backendConfig, Map<String, String> env) {
        this.dir = dir;
        this.backendConfig = Map.copyOf(backendConfig);
        this.env = Map.copyOf(env);
    }

    /** The workspaces of {@code netform}'s working directory, with the backend settings of its configuration. */
    static Workspaces of(NetformCommand netform) {
        LoadResult loaded = ModuleLoader.load(netform.workingDir());
        return new Workspaces(
                netform.workingDir(),
                loaded.hasErrors() ? Map.of() : loaded.root().settings().backendConfig(),
                netform.env());
    }

    /** The workspaces of {@code netform}'s working directory, whose configuration {@code root} is loaded. */
    static Workspaces of(NetformCommand netform, Module root) {
        return new Workspaces(netform.workingDir(), root.settings().backendConfig(), netform.env());
    }

    /** Whether {@code name} can name a workspace. */
    static boolean isValidName(String name) {
        return VALID_NAME.matcher(name).matches();
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
        List<String> names = new ArrayList<>(List.of(DEFAULT));
        Path root = workspaceDir();
        if (Files.isDirectory(root)) {
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory)
                        .map(p -> p.getFileName().toString())
                        .filter(n -> !n.equals(DEFAULT))
                        .sorted()
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + root + ": " + e.getMessage(), e);
            }
        }
        return names;
    }

    boolean exists(String name) {
        return name.equals(DEFAULT) || Files.isDirectory(workspaceDir().resolve(name));
    }

    /** Where workspace {@code name} keeps its state. */
    Path statePath(String name) {
        return LocalStateBackend.statePath(dir, backendConfig, name);
    }

    /**
     * The state of the current workspace, or of the file {@code stateFlag} (-state) names when not null,
     * stored in {@code codec}'s form.
     */
    static StateBackend backend(NetformCommand netform, Module root, Path stateFlag, SnapshotCodec codec) {
        Workspaces workspaces = of(netform, root);
        String current = workspaces.current();
        return new LocalStateBackend(
                stateFlag != null ? netform.workingDir().resolve(stateFlag) : workspaces.statePath(current),
                current,
                codec);
    }

    /** Makes workspace {@code name}, which has no state yet. */
    void create(String name) {
        Path at = workspaceDir().resolve(name);
        try {
            Files.createDirectories(at);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + at + ": " + e.getMessage(), e);
        }
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

    /** Removes workspace {@code name} (not default) with its state and backups. */
    void delete(String name) {
        Path at = workspaceDir().resolve(name);
        try (Stream<Path> files = Files.walk(at)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + at + ": " + e.getMessage(), e);
        }
    }

    private Path workspaceDir() {
        return LocalStateBackend.workspaceDir(dir, backendConfig);
    }

    /** Netform's counterpart of Terraform's {@code .terraform/environment}. */
    private Path selectionFile() {
        return dir.resolve(".netform").resolve("environment");
    }
}
