package io.netform.core;

import io.netform.state.Journal;
import io.netform.state.LocalStateFile;
import io.netform.state.LockInfo;
import io.netform.state.SnapshotCodec;
import io.netform.state.State;
import io.netform.state.StateJournal;
import io.netform.state.StateLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** State in a local file, as Terraform's local backend keeps it: an OS file lock, a journal beside the file. */
public final class LocalStateBackend implements StateBackend {

    private final LocalStateFile file;
    private final String workspace;

    /** The state of {@code workspace}, kept in clear at {@code path}. */
    public LocalStateBackend(Path path, String workspace) {
        this(path, workspace, SnapshotCodec.PLAIN);
    }

    /** The state of {@code workspace}, kept at {@code path} in {@code codec}'s form (encrypted, say). */
    public LocalStateBackend(Path path, String workspace, SnapshotCodec codec) {
        this.file = new LocalStateFile(path, codec);
        this.workspace = workspace;
    }

    /**
     * Where the local backend with the settings {@code config} keeps the state of {@code workspace}, as
     * Terraform's local backend: {@code default} at {@code path} (terraform.tfstate), any other workspace
     * NAME at {@code workspace_dir/NAME/terraform.tfstate}; relative paths are under {@code dir}.
     */
    public static Path statePath(Path dir, Map<String, String> config, String workspace) {
        return workspace.equals(Backend.DEFAULT_WORKSPACE)
                ? dir.resolve(config.getOrDefault("path", "terraform.tfstate"))
                : workspaceDir(dir, config).resolve(workspace).resolve("terraform.tfstate");
    }

    /** The directory that holds the local backend's workspaces other than {@code default}. */
    public static Path workspaceDir(Path dir, Map<String, String> config) {
        return dir.resolve(config.getOrDefault("workspace_dir", "terraform.tfstate.d"));
    }

    @Override
    public String workspace() {
        return workspace;
    }

    @Override
    public Lock lock(String operation, String version, Duration timeout) {
        StateLock lock = StateLock.acquire(
                file.path(),
                LockInfo.forOperation(operation, version, file.path().toString()),
                timeout);
        return lock::close;
    }

    @Override
    public Read read(String version) {
        boolean recovering = file.hasJournal();
        State state = file.read(version);
        return new Read(
                state, recovering ? Optional.of(file.journalPath().getFileName().toString()) : Optional.empty());
    }

    /** The state file's path. */
    public Path path() {
        return file.path();
    }

    @Override
    public Optional<byte[]> stored() {
        try {
            return Files.isRegularFile(file.path()) ? Optional.of(Files.readAllBytes(file.path())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the state file " + file.path() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SnapshotCodec codec() {
        return file.codec();
    }

    @Override
    public String describe() {
        return file.path().toString();
    }

    @Override
    public void forceUnlock(String id) {
        StateLock.forceUnlock(file.path(), id);
    }

    @Override
    public Journal startJournal(State base) {
        return StateJournal.start(file.journalPath(), base, file.codec());
    }

    @Override
    public State write(State state) {
        return file.write(state);
    }

    @Override
    public void clearJournal() {
        try {
            Files.deleteIfExists(file.journalPath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the state journal " + file.journalPath(), e);
        }
    }
}
