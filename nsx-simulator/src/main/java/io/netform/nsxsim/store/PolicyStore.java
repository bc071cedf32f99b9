package io.netform.nsxsim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.ReferenceFields;
import io.netform.nsxsim.model.TypeCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The thread-safe object store: many readers or one writer at a time, each write an
 * all-or-nothing {@link Transaction}, whose changes go to the {@link StoreFile}'s log at once and are
 * made durable either inside the write or at most once per flush delay (group commit). The snapshot
 * is rewritten (compacting the log) when the log outgrows it, and on close.
 */
public final class PolicyStore implements AutoCloseable {

    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    /** A log smaller than this is never compacted, however small the snapshot. */
    private static final long COMPACT_FROM_BYTES = 256 * 1024;

    private final TypeCatalog catalog;
    private final ObjectTree tree = new ObjectTree();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final StoreFile file;
    private final Duration flushDelay;
    private final ScheduledThreadPoolExecutor flusher;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private AutoCloseable directoryLock;

    private PolicyStore(TypeCatalog catalog, StoreFile file, Duration flushDelay) {
        this.catalog = catalog;
        this.file = file;
        this.flushDelay = flushDelay;
        this.flusher = file == null || flushDelay.isZero()
                ? null
                : new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "nsx-sim-store-flush");
                    t.setDaemon(true);
                    return t;
                });
        if (flusher != null) {
            // close() writes the snapshot itself, so a pending delayed flush need not run.
            flusher.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
    }

    /** A store that lives in memory only, seeded as a fresh install. */
    public static PolicyStore inMemory(TypeCatalog catalog, Clock clock) {
        PolicyStore store = new PolicyStore(catalog, null, Duration.ZERO);
        store.insertAll(SeedObjects.freshInstall(clock.millis()));
        return store;
    }

    /**
     * A store persisted in a directory: reloaded from its snapshot and log, or seeded as a fresh
     * install when there is none. A zero flush delay makes every write durable before it returns.
     */
    public static PolicyStore open(TypeCatalog catalog, StoreFile file, Duration flushDelay, Clock clock) {
        PolicyStore store = new PolicyStore(catalog, file, flushDelay);
        store.directoryLock = file.lock(LOCK_WAIT);
        try {
            var saved = file.load();
            if (saved.isPresent()) {
                store.insertAll(saved.get());
            } else {
                store.insertAll(SeedObjects.freshInstall(clock.millis()));
                file.save(store.tree.all());
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Runs a read under the shared lock. */
    public <T> T read(Function<ObjectTree, T> work) {
        lock.readLock().lock();
        try {
            return work.apply(tree);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a change under the exclusive lock; if the work throws, every change it made is undone. */
    public <T> T write(Function<Transaction, T> work) {
        lock.writeLock().lock();
        try {
            Transaction tx = new Transaction(tree);
            T result;
            try {
                result = work.apply(tx);
            } catch (RuntimeException | Error e) {
                tx.rollback();
                throw e;
            }
            if (tx.changed()) {
                persistAfterWrite(tx);
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Makes every change written so far durable. */
    public void flush() {
        if (file == null || !dirty.getAndSet(false)) {
            return;
        }
        file.sync();
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (file != null && directoryLock != null) {
            // one snapshot with everything, so the next start reads no log
            read(t -> {
                if (file.logBytes() > 0) {
                    file.save(t.all());
                }
                dirty.set(false);
                return null;
            });
        }
        if (directoryLock != null) {
            try {
                directoryLock.close();
            } catch (Exception e) {
                throw new IllegalStateException(
                        "cannot release the lock of " + file.path().getParent(), e);
            }
            directoryLock = null;
        }
    }

    /** Called under the write lock, which also keeps the file to one writer. */
    private void persistAfterWrite(Transaction tx) {
        if (file == null) {
            return;
        }
        file.append(tx.changes(), flusher == null);
        if (file.logBytes() > Math.max(COMPACT_FROM_BYTES, file.snapshotBytes())) {
            // replaying a log bigger than the snapshot would cost the next start more than this rewrite costs now
            file.save(tree.all());
            return;
        }
        if (flusher == null) {
            return;
        }
        dirty.set(true);
        if (flushScheduled.compareAndSet(false, true)) {
            flusher.schedule(
                    () -> {
                        flushScheduled.set(false);
                        flush();
                    },
                    flushDelay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void insertAll(List<ObjectNode> objects) {
        for (ObjectNode node : objects) {
            String path = node.path("path").asText();
            PolicyPath parsed = PolicyPath.parse(path);
            List<String> refs = parsed == null
                    ? List.of()
                    : catalog.typeOf(parsed)
                            .map(type -> ReferenceFields.extract(node, type.references()))
                            .orElse(List.of());
            tree.put(path, node, refs);
        }
    }
}
