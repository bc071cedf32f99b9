package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pg backend where the process boundary is the point: two real CLI processes applying one workspace
 * at once, while a third command, run in this JVM, is refused the lock.
 */
class PgProcessIT extends PgProcessFixture {

    @Test
    void twoCommandsApplyingOneWorkspaceAtOnceTakeTurnsAndTheStateStaysWhole() throws Exception {
        Workspace w = configure(30, 150);
        // One operation at a time, so that the first apply holds the lock long enough for the second to meet it.
        Process first = startApply(w, dir.resolve("first.log"), "-parallelism=1");
        server.awaitJournalRows(database, 5, Duration.ofMinutes(2), first::isAlive);
        assertThat(first.isAlive()).as("the first apply was still running").isTrue();

        // Started at once, so that its JVMs start while the first apply still has most of its work to do.
        // Without refresh: what it must see is the first apply's state, not the 30 objects read again.
        Process waiting = startApply(w, dir.resolve("waiting.log"), "-lock-timeout=5m", "-refresh=false");

        // A third command, run in this JVM (its own PostgreSQL session, as any client's), meets the lock at once,
        // while the first process has 25 operations of 150 ms left.
        var refused = w.run("apply", "-auto-approve", "-no-color", "-lock-timeout=0s");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("Error acquiring the state lock")
                .contains("is locked by another session")
                .contains("Application: netform")
                .contains("Client:      127.0.0.1:");

        assertThat(first.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(waiting.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).isZero();
        String waited = Files.readString(dir.resolve("waiting.log"));
        assertThat(waiting.exitValue()).as(waited).isZero();
        assertThat(waited)
                .as("the second apply waited for the lock, then had nothing to do")
                .contains("Acquiring state lock. This may take a few moments...")
                .contains("No changes.");

        List<String> names = w.names();
        assertThat(names).hasSize(30);
        assertThat(new HashSet<>(names)).hasSize(30);
        assertThat(instances(stateRow())).isEqualTo(30);
        assertThat(w.ok("plan", "-detailed-exitcode", "-no-color").out()).contains("No changes.");
    }
}
