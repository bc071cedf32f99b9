package io.netform.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Where the provider service runs a resource's validate and plan hooks: where the call arrived
 * when the resource computes offline, on the provider's worker threads otherwise.
 */
class ProviderServiceThreadsTest {

    private static final Schema SCHEMA =
            Schema.of(SchemaBlock.of(SchemaAttribute.string("name").required()));
    private static final Value CONFIG = Value.object(Map.of("name", Value.string("web")));

    private final List<String> offlineThreads = new CopyOnWriteArrayList<>();
    private final List<String> onlineThreads = new CopyOnWriteArrayList<>();

    @Test
    void offlineHooksRunWhereTheCallArrivesAndOthersOnWorkers() {
        try (ProviderHarness harness = ProviderHarness.inProcess(new Threads())) {
            assertThat(harness.validate("threads_offline", CONFIG)).isEmpty();
            assertThat(harness.plan("threads_offline", Value.nullOf(SCHEMA.impliedType()), CONFIG)
                            .diagnostics())
                    .isEmpty();
            assertThat(harness.validate("threads_online", CONFIG)).isEmpty();
            assertThat(harness.plan("threads_online", Value.nullOf(SCHEMA.impliedType()), CONFIG)
                            .diagnostics())
                    .isEmpty();
        }
        assertThat(offlineThreads).hasSize(2).noneMatch(name -> name.startsWith("threads-call-"));
        assertThat(onlineThreads).hasSize(2).allMatch(name -> name.startsWith("threads-call-"));
    }

    /** Two resource types that note the thread their hooks run on; one computes offline. */
    private final class Threads implements Provider {

        @Override
        public String name() {
            return "threads";
        }

        @Override
        public Schema schema() {
            return Schema.of(SchemaBlock.of());
        }

        @Override
        public void configure(Value config) {}

        @Override
        public Map<String, ResourceType> resources() {
            return Map.of(
                    "threads_offline", new Noting(offlineThreads, true),
                    "threads_online", new Noting(onlineThreads, false));
        }

        @Override
        public Map<String, DataSource> dataSources() {
            return Map.of();
        }
    }

    private record Noting(List<String> threads, boolean offline) implements StateOnlyResource {

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public boolean computesOffline() {
            return offline;
        }

        @Override
        public void validate(Value config) {
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public Value customizePlan(Value prior, Value planned, Value config) {
            threads.add(Thread.currentThread().getName());
            return planned;
        }
    }
}
