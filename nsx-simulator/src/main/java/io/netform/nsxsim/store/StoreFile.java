package io.netform.nsxsim.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store's JSON snapshot in a data directory, replaced atomically (temporary file, fsync,
 * rename, fsync of the directory) so a crash leaves either the old or the new snapshot.
 */
public final class StoreFile {

    private static final int FORMAT = 1;
    private final Path file;
    private final Path temporary;

    /** A snapshot file named {@code store.json} in the directory, which is created if missing. */
    public StoreFile(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator data directory " + directory, e);
        }
        this.file = directory.resolve("store.json");
        this.temporary = directory.resolve("store.json.tmp");
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

    /** The stored objects, or empty when no snapshot was written yet. */
    public Optional<List<ObjectNode>> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
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

    /** Replaces the snapshot with these objects. */
    public void save(Collection<ObjectNode> objects) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("objects");
        objects.forEach(list::add);
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(root);
            try (FileChannel out = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            moveIntoPlace();
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the simulator store: " + e.getMessage(), e);
        }
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
