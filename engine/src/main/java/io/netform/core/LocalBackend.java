package io.netform.core;

import io.netform.state.SnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Terraform's local backend: {@code default} keeps its state at the backend's {@code path}
 * (terraform.tfstate), every other workspace NAME at {@code terraform.tfstate.d/NAME/terraform.tfstate}
 * (under the backend's {@code workspace_dir}), paths relative to the working directory.
 */
public final class LocalBackend implements Backend {

    /** The settings of a {@code backend "local"} block. */
    public static final Set<String> SETTINGS = Set.of("path", "workspace_dir");

    private final Path dir;
    private final Map<String, String> config;
    private final SnapshotCodec codec;

    /**
     * The local backend of working directory {@code dir} with {@code config}'s settings, its state files
     * stored in {@code codec}'s form.
     */
    public LocalBackend(Path dir, Map<String, String> config, SnapshotCodec codec) {
        this.dir = dir;
        this.config = Map.copyOf(config);
        this.codec = codec;
    }

    @Override
    public String type() {
        return "local";
    }

    @Override
    public List<String> workspaces() {
        List<String> names = new ArrayList<>(List.of(DEFAULT_WORKSPACE));
        Path root = workspaceDir();
        if (Files.isDirectory(root)) {
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory)
                        .map(p -> p.getFileName().toString())
                        .filter(n -> !n.equals(DEFAULT_WORKSPACE))
                        .sorted()
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + root + ": " + e.getMessage(), e);
            }
        }
        return names;
    }

    @Override
    public StateBackend state(String workspace) {
        return new LocalStateBackend(statePath(workspace), workspace, codec);
    }

    /** Where workspace {@code name} keeps its state. */
    public Path statePath(String name) {
        return LocalStateBackend.statePath(dir, config, name);
    }

    @Override
    public void createWorkspace(String name, String version) {
        Path at = workspaceDir().resolve(name);
        try {
            Files.createDirectories(at);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + at + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteWorkspace(String name) {
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
        return LocalStateBackend.workspaceDir(dir, config);
    }
}
