package io.netform.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * State kept in a local file ({@code terraform.tfstate} by default): read with any leftover journal
 * replayed, written atomically with the previous snapshot kept as {@code .backup}, and the serial
 * bumped only when the content changed.
 */
public final class LocalStateFile {

    private final Path path;
    private final SnapshotCodec codec;
    private State persisted;
    /** Whether the file is stored as {@link #codec} writes now; when not, the next write rewrites it. */
    private boolean current = true;

    /** The state file at {@code path}, in clear; nothing is read until {@link #read}. */
    public LocalStateFile(Path path) {
        this(path, SnapshotCodec.PLAIN);
    }

    /** The state file at {@code path}, stored in {@code codec}'s form; nothing is read until {@link #read}. */
    public LocalStateFile(Path path, SnapshotCodec codec) {
        this.path = path;
        this.codec = codec;
    }

    /** The state file's path. */
    public Path path() {
        return path;
    }

    /** How the file (and its journal) is stored. */
    public SnapshotCodec codec() {
        return codec;
    }

    /** Where the journal of an apply goes. */
    public Path journalPath() {
        return StateJournal.pathFor(path);
    }

    /** Where the previous snapshot is kept. */
    public Path backupPath() {
        return path.resolveSibling(path.getFileName() + ".backup");
    }

    /**
     * Reads the state, or an empty state with a new lineage when there is no file yet. A journal left
     * by an apply that was interrupted is replayed, persisted as a new snapshot and removed.
     */
    public State read(String terraformVersion) {
        State base;
        try {
            SnapshotCodec.Read stored =
                    Files.exists(path) ? codec.read(Files.readAllBytes(path), path.toString()) : null;
            current = stored == null || stored.current();
            base = stored != null
                    ? stored.state()
                    : StateJournal.lineage(journalPath(), codec)
                            .map(lineage -> new State(
                                    terraformVersion, 0, lineage, new java.util.TreeMap<>(), new java.util.TreeMap<>()))
                            .orElseGet(() -> State.empty(terraformVersion));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the state file " + path + ": " + e.getMessage(), e);
        }
        persisted = base;
        var recovered = StateJournal.replay(journalPath(), base, codec);
        if (recovered.isPresent()) {
            State written = write(recovered.get());
            try {
                Files.deleteIfExists(journalPath());
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the replayed journal " + journalPath(), e);
            }
            return written;
        }
        return base;
    }

    /** Whether the last {@link #read} found a journal from an interrupted apply. */
    public boolean hasJournal() {
        return Files.exists(journalPath());
    }

    /**
     * Persists {@code state} if its content differs from what was last read or written, with the serial
     * one above that, and returns the state as it now is on disk. A file stored other than as the codec
     * writes now (in clear with encryption configured, or under a fallback's key) is rewritten even when
     * nothing else changed, as Terraform rewrites the file on every write.
     */
    public State write(State state) {
        boolean same = persisted != null && state.sameContent(persisted) && Files.exists(path);
        if (same && current) {
            return persisted;
        }
        long serial = persisted == null ? state.serial() + 1 : Math.max(state.serial(), persisted.serial()) + 1;
        // Only re-encoded (migrated into or out of encryption, or re-keyed): the same snapshot, the same serial.
        State next = same ? persisted : state.withSerial(serial);
        try {
            AtomicFiles.write(path, codec.encode(next), backupPath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the state file " + path + ": " + e.getMessage(), e);
        }
        persisted = next;
        current = true;
        return next;
    }
}
