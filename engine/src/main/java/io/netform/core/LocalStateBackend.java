package io.netform.core;

import io.netform.state.Journal;
import io.netform.state.LocalStateFile;
import io.netform.state.LockInfo;
import io.netform.state.State;
import io.netform.state.StateJournal;
import io.netform.state.StateLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** State in a local file, as Terraform's local backend keeps it: an OS file lock, a journal beside the file. */
public final class LocalStateBackend implements StateBackend {

    private final LocalStateFile file;
    private final String workspace;

    /** The state of {@code workspace}, kept at {@code path}. */
    public LocalStateBackend(Path path, String workspace) {
        this.file = new LocalStateFile(path);
        this.workspace = workspace;
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
    public String describe() {
        return file.path().toString();
    }

    @Override
    public void forceUnlock(String id) {
        StateLock.forceUnlock(file.path(), id);
    }

    @Override
    public Journal startJournal(State base) {
        return StateJournal.start(file.journalPath(), base);
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
