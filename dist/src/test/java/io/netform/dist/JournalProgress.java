package io.netform.dist;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Waits for an apply running as a process to have journaled some operations, woken by the file system
 * rather than spinning: on two cores a spinning test takes the CPU the apply under test needs.
 */
final class JournalProgress {

    private JournalProgress() {}

    /** Returns once {@code journal} has {@code lines} lines, {@code apply} has ended, or {@code timeout} passed. */
    static void await(Path journal, int lines, Process apply, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            journal.getParent()
                    .register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (lines(journal) < lines && apply.isAlive() && Instant.now().isBefore(deadline)) {
                // the bound covers a write between the count and the wait, and the apply ending quietly
                WatchKey key = watch.poll(50, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    /** The journal's lines so far; none while it does not exist yet. */
    static long lines(Path journal) {
        try {
            return Files.exists(journal) ? Files.readAllLines(journal).size() : 0;
        } catch (IOException e) {
            return 0; // removed by the apply between the check and the read
        }
    }
}
