package io.netform.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.ExactJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * "The cloud" of the testing provider: objects as state JSON by id, in memory or in a file that
 * every change rewrites atomically (one thread at a time, under a lock file, so that several plugin
 * processes and the tests themselves can share it).
 */
sealed interface TestingStore {

    /** The environment variable naming the store file. */
    String ENVIRONMENT_VARIABLE = "NETFORM_TESTING_STORE";

    Optional<JsonNode> get(String id);

    void put(String id, JsonNode object);

    void remove(String id);

    /** The file store when the environment names one, else a fresh in-memory store. */
    static TestingStore fromEnvironment(Map<String, String> environment) {
        String file = environment.get(ENVIRONMENT_VARIABLE);
        return file == null || file.isBlank() ? new InMemory() : new JsonFile(Path.of(file));
    }

    /** Objects that live as long as the plugin process. */
    final class InMemory implements TestingStore {
        private final Map<String, JsonNode> objects = new ConcurrentHashMap<>();

        @Override
        public Optional<JsonNode> get(String id) {
            return Optional.ofNullable(objects.get(id));
        }

        @Override
        public void put(String id, JsonNode object) {
            objects.put(id, object);
        }

        @Override
        public void remove(String id) {
            objects.remove(id);
        }
    }

    /** Objects in {@code {"objects": {id: state}}}, read afresh for every call. */
    final class JsonFile implements TestingStore {
        private static final ObjectMapper JSON = ExactJson.MAPPER;

        private final Path file;

        JsonFile(Path file) {
            this.file = file.toAbsolutePath();
        }

        @Override
        public Optional<JsonNode> get(String id) {
            return locked(objects -> objects).map(objects -> objects.get(id));
        }

        @Override
        public void put(String id, JsonNode object) {
            update(objects -> objects.set(id, object));
        }

        @Override
        public void remove(String id) {
            update(objects -> objects.remove(id));
        }

        private void update(java.util.function.Consumer<ObjectNode> change) {
            locked(objects -> {
                change.accept(objects);
                write(objects);
                return objects;
            });
        }

        private synchronized Optional<ObjectNode> locked(UnaryOperator<ObjectNode> work) {
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock held = lock.lock();
                try {
                    return Optional.of(work.apply(read()));
                } finally {
                    held.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the testing store " + file + " cannot be used", e);
            }
        }

        private ObjectNode read() throws IOException {
            if (!Files.exists(file)) {
                return JSON.createObjectNode();
            }
            JsonNode store = JSON.readTree(file.toFile());
            JsonNode objects = store == null ? null : store.get("objects");
            return objects instanceof ObjectNode o ? o.deepCopy() : JSON.createObjectNode();
        }

        private void write(ObjectNode objects) {
            try {
                Path temporary = Files.createTempFile(
                        file.getParent(), file.getFileName().toString(), ".tmp");
                ObjectNode store = JSON.createObjectNode();
                store.set("objects", objects);
                try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    out.write(java.nio.ByteBuffer.wrap(
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(store)));
                    out.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("the testing store " + file + " cannot be written", e);
            }
        }
    }
}
