package io.netform.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "The cloud" of the testing provider: objects as state JSON by id, in memory or in a {@link StoreLog}
 * file that several plugin processes and the tests themselves share.
 */
sealed interface TestingStore permits TestingStore.InMemory, StoreLog {

    /** The environment variable naming the store file. */
    String ENVIRONMENT_VARIABLE = "NETFORM_TESTING_STORE";

    Optional<JsonNode> get(String id);

    void put(String id, JsonNode object);

    void remove(String id);

    /** The file store when the environment names one, else a fresh in-memory store. */
    static TestingStore fromEnvironment(Map<String, String> environment) {
        String file = environment.get(ENVIRONMENT_VARIABLE);
        return file == null || file.isBlank() ? new InMemory() : new StoreLog(Path.of(file));
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
}
