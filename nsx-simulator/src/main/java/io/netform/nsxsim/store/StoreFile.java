package io.netform.nsxsim.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.file.AtomicFile;
import io.netform.json.JsonLog;
import io.netform.nsxsim.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store in a data directory: a JSON snapshot ({@code store.json}), replaced atomically (temporary
 * file, fsync, rename, fsync of the directory) so a crash leaves either the old or the new snapshot,
 * and a log of the changes made since ({@code store.log}, one {@link JsonLog} record per transaction),
 * so that a change costs what it changed rather than a rewrite of the whole store. A transaction
 * whose record a crash cut short is dropped whole when the store is loaded.
 */
public final class StoreFile {

    private static final int FORMAT = 1;
    private final Path file;
    private final Path log;
    /** Where the log's whole records end: appends go there (over a torn record, if any); -1 until loaded. */
    private long logEnd = -1;

    private long snapshotBytes;

    /** A snapshot file named {@code store.json} in the directory, which is created if missing. */
    public StoreFile(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator data directory " + directory, e);
        }
        this.file = directory.resolve("store.json");
        this.log = directory.resolve("store.log");
    }

    /** The snapshot's path. */
    public Path path() {
        return file;
    }

    /**
     * Takes the directory's lock so no second simulator writes the same store; waits up to the
     * timeout for another process to let go, then fails naming the directory.
     */
    public AutoCloseable lock(Duration timeout) {
        Path lockFile = file.resolveSibling("store.lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                FileLock held;
                try {
                    held = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    held = null;
                }
                if (held != null) {
                    FileLock acquired = held;
                    return () -> {
                        acquired.release();
                        channel.close();
                    };
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new IllegalStateException("the simulator data directory " + file.getParent()
                            + " is in use by another simulator (" + lockFile + " is locked)");
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + lockFile, e);
        }
    }

    /** The log of changes since the snapshot. */
    public Path logPath() {
        return log;
    }

    /** The stored objects (the snapshot with the logged changes), or empty when nothing was written yet. */
    public Optional<List<ObjectNode>> load() {
        Optional<List<ObjectNode>> snapshot = loadSnapshot();
        if (!Files.exists(log)) {
            logEnd = 0;
            return snapshot;
        }
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        snapshot.orElse(List.of()).forEach(node -> objects.put(node.path("path").asText(), node));
        try {
            JsonLog.Read read = JsonLog.read(Files.readAllBytes(log), 0, log.toString());
            for (JsonLog.Record record : read.records()) {
                record.json().path("delete").forEach(path -> objects.remove(path.asText()));
                record.json()
                        .path("put")
                        .forEach(node -> objects.put(node.path("path").asText(), (ObjectNode) node));
            }
            logEnd = read.end();
        } catch (IOException e) {
            throw new UncheckedIOException(log + ": cannot read the simulator store's log: " + e.getMessage(), e);
        }
        return snapshot.isEmpty() && objects.isEmpty() ? snapshot : Optional.of(List.copyOf(objects.values()));
    }

    /**
     * Appends one transaction's changes to the log: each path with its object, or null where the
     * object was removed. With {@code durable} it is on disk when this returns; otherwise it survives
     * the process being killed and is on disk after the next {@link #sync}.
     */
    public void append(Map<String, ObjectNode> changes, boolean durable) {
        ObjectNode record = Json.object();
        ArrayNode puts = record.putArray("put");
        ArrayNode deletes = record.putArray("delete");
        changes.forEach((path, node) -> {
            if (node == null) {
                deletes.add(path);
            } else {
                puts.add(node);
            }
        });
        if (logEnd < 0) {
            throw new IllegalStateException(
                    "the store in " + file.getParent() + " is appended to before it was loaded");
        }
        byte[] line = JsonLog.frame(record);
        try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (out.size() > logEnd) {
                out.truncate(logEnd); // a torn record left by a simulator that was killed
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long at = logEnd;
            while (buffer.hasRemaining()) {
                at += out.write(buffer, at);
            }
            if (durable) {
                out.force(false);
            }
            logEnd = at;
        } catch (IOException e) {
            throw new UncheckedIOException(log + ": cannot write the simulator store's log: " + e.getMessage(), e);
        }
    }

    /** Makes every appended change durable. */
    public void sync() {
        if (!Files.exists(log)) {
            return;
        }
        try (FileChannel out = FileChannel.open(log, StandardOpenOption.WRITE)) {
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(log + ": cannot write the simulator store's log: " + e.getMessage(), e);
        }
    }

    /** How many bytes of changes the log holds. */
    public long logBytes() {
        return Math.max(0, logEnd);
    }

    /** How many bytes the snapshot takes. */
    public long snapshotBytes() {
        return snapshotBytes;
    }

    private Optional<List<ObjectNode>> loadSnapshot() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            snapshotBytes = Files.size(file);
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (root == null
                    || root.path("format").asInt() != FORMAT
                    || !root.path("objects").isArray()) {
                throw new IllegalStateException(file + ": not a simulator store (format " + FORMAT + " expected)");
            }
            List<ObjectNode> objects = new ArrayList<>();
            for (JsonNode node : root.get("objects")) {
                objects.add((ObjectNode) node);
            }
            return Optional.of(objects);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the simulator store: " + e.getMessage(), e);
        }
    }

    /** Replaces the snapshot with these objects, which include every logged change, and empties the log. */
    public void save(Collection<ObjectNode> objects) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("objects");
        objects.forEach(list::add);
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(root);
            snapshotBytes = bytes.length;
            AtomicFile.replace(file, bytes);
            emptyLog();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the simulator store: " + e.getMessage(), e);
        }
    }

    /**
     * Empties the log once the snapshot holds its changes. A crash before this leaves the log beside a
     * snapshot that already has its changes: loading replays them again, which ends in the same objects.
     */
    private void emptyLog() throws IOException {
        if (Files.exists(log)) {
            try (FileChannel out = FileChannel.open(log, StandardOpenOption.WRITE)) {
                out.truncate(0);
                out.force(false);
            }
        }
        logEnd = 0;
    }
}
