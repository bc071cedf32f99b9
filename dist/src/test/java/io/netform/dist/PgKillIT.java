package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pg backend's crash safety across processes: kill -9 of the CLI holding the lock frees it at once,
 * and the next apply replays the journal table. A class of its own, so that it runs beside
 * {@link PgProcessIT} in the other test JVM rather than after it.
 */
class PgKillIT extends PgProcessFixture {

    @Test
    void killingTheLockHolderFreesTheLockAndTheNextApplyReplaysItsJournal() throws Exception {
        Workspace w = configure(200, 20);
        // A saved plan applied one operation at a time, so that it is still far from done when the test, which may
        // be scheduled late on a loaded machine, kills it: in parallel its last 160 operations took a third of a
        // second.
        w.ok("plan", "-out=tfplan", "-no-color");
        Process apply = startApply(w, dir.resolve("killed.log"), "-parallelism=1", "tfplan");
        server.awaitJournalRows(database, 40, Duration.ofMinutes(2), apply::isAlive);
        assertThat(apply.isAlive())
                .as("the apply was still running when killed")
                .isTrue();
        NetformProcess.kill(apply);
        int created = w.names().size();
        assertThat(created).isBetween(1, 199);

        // No force-unlock: the lock went with the killed session.
        var resumed = w.ok("apply", "-auto-approve", "-no-color", "-lock-timeout=10s");
        assertThat(resumed.err())
                .contains("Recovered the changes of an interrupted apply from the journal table "
                        + "terraform_remote_state.netform_journal");
        List<String> names = w.names();
        assertThat(names).hasSize(200);
        assertThat(new HashSet<>(names)).hasSize(200);
        assertThat(instances(stateRow())).isEqualTo(200);
        assertThat(w.ok("plan", "-detailed-exitcode", "-no-color").out()).contains("No changes.");
        try (Connection c = server.connect(database);
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM terraform_remote_state.netform_journal");
                ResultSet r = s.executeQuery()) {
            r.next();
            assertThat(r.getInt(1))
                    .as("the journal is cleared with the snapshot")
                    .isZero();
        }
    }
}
