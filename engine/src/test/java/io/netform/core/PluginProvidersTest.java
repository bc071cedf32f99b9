package io.netform.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netform.addrs.ProviderSource;
import io.netform.goplugin.PluginLogSink;
import io.netform.plugins.FakeProviderPlugin;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.plugins.VersionConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugins a command launches ahead of need from its lock file, driven as real plugin processes. */
class PluginProvidersTest {

    private static final ProviderSource TESTING = ProviderSource.parse("netform/testing");

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final PluginLogSink sink = (plugin, record) -> log.add(record.message());

    @BeforeEach
    void initialised() throws IOException {
        Path plugins = dir.resolve("plugins");
        FakeProviderPlugin.install(plugins, TESTING.toString(), "0.1.0");
        PluginPaths.record(dir, List.of(plugins));
        PluginPaths.installer(dir).install(Map.of(TESTING, VersionConstraint.any()), false);
    }

    @Test
    void theFirstStartTakesThePluginLaunchedAheadAndTheNextLaunchesItsOwn() {
        try (PluginProviders starter = new PluginProviders(dir, sink)) {
            starter.launchLocked();
            ProviderClient first = starter.start(TESTING, VersionConstraint.any());
            assertThat(first.schema().resources()).containsKey("testing_object");
            assertThat(started()).isEqualTo(1);
            ProviderClient second = starter.start(TESTING, VersionConstraint.any());
            assertThat(second.schema().resources()).containsKey("testing_object");
            assertThat(started()).isEqualTo(2);
            first.close();
            second.close();
        }
        awaitExited(2);
    }

    @Test
    void aPluginLaunchedAheadThatNoStartTookIsStoppedWithTheCommand() {
        try (PluginProviders starter = new PluginProviders(dir, sink)) {
            starter.launchLocked();
        }
        assertThat(started()).isEqualTo(1);
        awaitExited(1);
    }

    @Test
    void aConstraintTheLockedVersionFailsIsReportedAsWithoutLaunchingAhead() {
        try (PluginProviders starter = new PluginProviders(dir, sink)) {
            starter.launchLocked();
            assertThatThrownBy(() -> starter.start(TESTING, VersionConstraint.parse(">= 1.0")))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("does not satisfy the configured constraint");
        }
        awaitExited(started());
    }

    @Test
    void withoutALockFileNothingIsLaunchedAheadAndStartSaysToRunInit() throws IOException {
        Files.delete(dir.resolve(".netform.lock.hcl"));
        try (PluginProviders starter = new PluginProviders(dir, sink)) {
            starter.launchLocked();
            assertThatThrownBy(() -> starter.start(TESTING, VersionConstraint.any()))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("netform init");
        }
        assertThat(started()).isZero();
    }

    private long started() {
        return log.stream().filter(m -> m.equals("plugin started")).count();
    }

    /** Waits (the exit is reported as the process ends, on a thread of its own) for {@code count} exits. */
    private void awaitExited(long count) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (exited() < count && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        assertThat(exited()).isEqualTo(count);
    }

    private long exited() {
        return log.stream().filter(m -> m.equals("plugin process exited")).count();
    }
}
