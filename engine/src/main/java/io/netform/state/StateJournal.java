package io.netform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ResourceInstance;
import io.netform.file.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only log of state changes made by a running apply, one JSON line per change, made
 * durable by group commits, so that a crash at any moment loses no object that was created. The first line names the
 * snapshot it continues (lineage and serial); replaying refuses a journal that continues another.
 * With state encryption configured each line is encrypted on its own ({@link SnapshotCodec#encodeEntry}),
 * so what an apply journals is never on disk in clear either.
 */
public final class StateJournal implements Journal {

    private static final String SUFFIX = ".journal";

    /** How long a commit waits for more lines before its fsync, so that one fsync covers many operations. */
    private static final long COMMIT_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** How many waiting lines make a commit go ahead at once, without waiting out the window. */
    private static final int COMMIT_BATCH = 64;

    private final Path path;
    private final SnapshotCodec codec;
    private final FileChannel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private long written;
    private long synced;
    private boolean committing;

    private StateJournal(Path path, SnapshotCodec codec, FileChannel channel) {
        this.path = path;
        this.codec = codec;
        this.channel = channel;
    }

    /** Where the journal of the state file {@code stateFile} lives. */
    public static Path pathFor(Path stateFile) {
        return stateFile.resolveSibling(stateFile.getFileName() + SUFFIX);
    }

    /** Starts a new journal in clear that continues {@code base}, replacing any previous one. */
    public static StateJournal start(Path path, State base) {
        return start(path, base, SnapshotCodec.PLAIN);
    }

    /** Starts a new journal that continues {@code base}, its lines stored as {@code codec} says. */
    public static StateJournal start(Path path, State base, SnapshotCodec codec) {
        try {
            FileChannel channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            StateJournal journal = new StateJournal(path, codec, channel);
            journal.write(journal.lineOf(header(base).getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            AtomicFile.syncDirectory(path.getParent());
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the state journal " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes one change to the journal file. Once this returns the line survives the process being
     * killed (it is in the operating system's cache); it survives a machine crash once {@link #sync} returns.
     */
    @Override
    public void append(StateChange change) {
        try {
            byte[] line = lineOf(StateCodec.mapper().writeValueAsBytes(encode(change)));
            boolean interrupted = Thread.interrupted();
            lock.lock();
            try {
                write(line);
                written++;
                if (committing) {
                    progress.signalAll();
                }
            } finally {
                lock.unlock();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        } catch (IOException e) {
            throw failure("write", e);
        }
    }

    /**
     * Returns once every line appended before the call is on disk. A group commit: the first caller
     * waits a short window (or until many lines are waiting) and then one fsync covers the lines of
     * every thread, so an apply costs a handful of fsyncs rather than one per operation, and every
     * fsync rewrites the journal's last page once rather than once per line.
     */
    @Override
    public void sync() {
        lock.lock();
        try {
            long target = written;
            while (synced < target) {
                if (committing) {
                    progress.awaitUninterruptibly();
                } else {
                    commit();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Leads one commit: called and returns with the lock held, releases it for the fsync itself. */
    private void commit() {
        committing = true;
        // An interrupted thread's FileChannel call closes the channel: clear the flag for the commit, set it again
        // after.
        boolean interrupted = Thread.interrupted();
        try {
            long left = COMMIT_WINDOW_NANOS;
            while (written - synced < COMMIT_BATCH && left > 0 && !interrupted) {
                try {
                    left = progress.awaitNanos(left);
                } catch (InterruptedException e) {
                    // Being stopped is no reason to leave the lines undurable: commit them now.
                    interrupted = true;
                }
            }
            long upTo = written;
            lock.unlock();
            try {
                channel.force(false);
            } finally {
                lock.lock();
            }
            synced = Math.max(synced, upTo);
        } catch (IOException e) {
            throw failure("sync", e);
        } finally {
            committing = false;
            progress.signalAll();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private UncheckedIOException failure(String verb, IOException e) {
        return new UncheckedIOException("could not " + verb + " the state journal " + path + ": " + e.getMessage(), e);
    }

    private byte[] lineOf(byte[] json) {
        byte[] entry = codec.encodeEntry(json);
        byte[] line = new byte[entry.length + 1];
        System.arraycopy(entry, 0, line, 0, entry.length);
        line[entry.length] = '\n';
        return line;
    }

    private void write(byte[] line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Closes and deletes the journal: its changes are in a snapshot now. */
    public synchronized void discard() {
        close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the state journal " + path + ": " + e.getMessage(), e);
        }
    }

    /** Makes every appended line durable and closes the file. */
    @Override
    public synchronized void close() {
        try {
            if (channel.isOpen()) {
                sync();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lineage a leftover journal continues, so that the first apply's journal can be replayed
     * even though no state file was written before the crash.
     */
    public static Optional<String> lineage(Path path) {
        return lineage(path, SnapshotCodec.PLAIN);
    }

    /** As {@link #lineage(Path)}, for a journal whose lines are stored as {@code codec} says. */
    public static Optional<String> lineage(Path path, SnapshotCodec codec) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(first -> lineageOf(first, path.toString(), codec));
        } catch (IOException | java.io.UncheckedIOException | StateFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Applies a leftover journal to the snapshot it continues.
     *
     * @return the recovered state, or empty when there is no journal
     * @throws StateFormatException when the journal continues another state or is damaged before its last line
     */
    public static Optional<State> replay(Path path, State base) {
        return replay(path, base, SnapshotCodec.PLAIN);
    }

    /** As {@link #replay(Path, State)}, for a journal whose lines are stored as {@code codec} says. */
    public static Optional<State> replay(Path path, State base, SnapshotCodec codec) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        String[] lines;
        try {
            lines = Files.readString(path, StandardCharsets.UTF_8).split("\n", -1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the state journal " + path + ": " + e.getMessage(), e);
        }
        // The last element is what follows the final newline: empty, or a line torn by a crash mid-write.
        int complete = lines.length - 1;
        if (complete < 1) {
            return Optional.of(base);
        }
        return Optional.of(replay(List.of(lines).subList(0, complete), base, path.toString(), codec));
    }

    /**
     * Applies the complete lines of a journal, its {@link #header} first, to the snapshot it continues;
     * {@code where} names the journal in errors, {@code codec} says how its lines are stored.
     *
     * @throws StateFormatException when the journal continues another state or a line is damaged or
     *     cannot be decrypted as configured
     */
    public static State replay(List<String> lines, State base, String where, SnapshotCodec codec) {
        JsonNode header = parse(lines.get(0), where, 1, codec);
        if (!base.lineage().equals(header.path("lineage").asText())
                || base.serial() != header.path("serial").asLong()) {
            throw new StateFormatException(where + ": this journal continues state lineage "
                    + header.path("lineage").asText() + " serial "
                    + header.path("serial").asLong()
                    + ", but the state file has lineage " + base.lineage() + " serial " + base.serial()
                    + "; move the journal away to use the state file as it is");
        }
        WorkingState working = new WorkingState(base);
        for (int i = 1; i < lines.size(); i++) {
            working.apply(decode(parse(lines.get(i), where, i + 1, codec), where, i + 1));
        }
        return working.snapshot();
    }

    /** The first line of a journal in clear: the snapshot (lineage and serial) its changes continue. */
    public static String header(State base) {
        ObjectNode header = StateCodec.mapper().createObjectNode();
        header.put("journal", 1);
        header.put("lineage", base.lineage());
        header.put("serial", base.serial());
        try {
            return StateCodec.mapper().writeValueAsString(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lineage a journal whose first line, stored as {@code codec} says, is {@code header} continues. */
    public static String lineageOf(String header, String where, SnapshotCodec codec) {
        return parse(header, where, 1, codec).path("lineage").asText();
    }

    /** One change as a journal line in clear (JSON, without the newline). */
    public static String line(StateChange change) {
        try {
            return StateCodec.mapper().writeValueAsString(encode(change));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line, String path, int lineNumber, SnapshotCodec codec) {
        try {
            return StateCodec.mapper()
                    .readTree(codec.decodeEntry(line.getBytes(StandardCharsets.UTF_8), path + ":" + lineNumber));
        } catch (IOException e) {
            throw new StateFormatException(path + ":" + lineNumber + ": damaged journal line: " + e.getMessage());
        }
    }

    private static ObjectNode encode(StateChange change) {
        ObjectNode o = StateCodec.mapper().createObjectNode();
        if (change instanceof StateChange.PutObject put) {
            o.put("op", "put");
            o.put("address", put.address().toString());
            o.put("provider", put.provider().toString());
            o.set("object", StateCodec.instanceToJson(put.object()));
            if (put.object().deposed() != null) {
                o.put("deposed", put.object().deposed());
            }
        } else if (change instanceof StateChange.RemoveObject remove) {
            o.put("op", "remove");
            o.put("address", remove.address().toString());
            if (remove.deposed() != null) {
                o.put("deposed", remove.deposed());
            }
        } else if (change instanceof StateChange.DeposeObject depose) {
            o.put("op", "depose");
            o.put("address", depose.address().toString());
            o.put("deposed", depose.deposed());
        } else if (change instanceof StateChange.RestoreDeposed restore) {
            o.put("op", "restore");
            o.put("address", restore.address().toString());
            o.put("deposed", restore.deposed());
        } else if (change instanceof StateChange.PutOutput put) {
            o.put("op", "output");
            o.put("name", put.name());
            o.set("value", put.output().value());
            o.set("type", put.output().type());
            o.put("sensitive", put.output().sensitive());
        } else if (change instanceof StateChange.RemoveOutput remove) {
            o.put("op", "remove_output");
            o.put("name", remove.name());
        }
        return o;
    }

    private static StateChange decode(JsonNode o, String path, int lineNumber) {
        try {
            String op = o.path("op").asText();
            return switch (op) {
                case "put" -> {
                    ResourceInstance address =
                            AddressParser.parseInstance(o.path("address").asText());
                    yield new StateChange.PutObject(
                            address,
                            ProviderConfig.parse(o.path("provider").asText()),
                            StateCodec.instanceFromJson(o.path("object")));
                }
                case "remove" ->
                    new StateChange.RemoveObject(
                            AddressParser.parseInstance(o.path("address").asText()),
                            o.hasNonNull("deposed") ? o.get("deposed").asText() : null);
                case "depose" ->
                    new StateChange.DeposeObject(
                            AddressParser.parseInstance(o.path("address").asText()),
                            o.path("deposed").asText());
                case "restore" ->
                    new StateChange.RestoreDeposed(
                            AddressParser.parseInstance(o.path("address").asText()),
                            o.path("deposed").asText());
                case "output" ->
                    new StateChange.PutOutput(
                            o.path("name").asText(),
                            new OutputState(
                                    o.path("value"),
                                    o.path("type"),
                                    o.path("sensitive").asBoolean()));
                case "remove_output" ->
                    new StateChange.RemoveOutput(o.path("name").asText());
                default -> throw new IllegalArgumentException("unknown operation \"" + op + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw new StateFormatException(path + ":" + lineNumber + ": damaged journal line: " + e.getMessage(), e);
        }
    }
}
