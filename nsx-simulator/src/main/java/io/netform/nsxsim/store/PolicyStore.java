package io.netform.nsxsim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.ReferenceFields;
import io.netform.nsxsim.model.TypeCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The thread-safe object store: many readers or one writer at a time, each write an
 * all-or-nothing {@link Transaction}, persisted to a {@link StoreFile} either on every write
 * or at most once per flush delay (group commit), and always on close.
 */
public final class PolicyStore implements AutoCloseable {

    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

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
     * A store persisted in a directory: reloaded from its snapshot, or seeded as a fresh install
     * when there is none. A zero flush delay writes the snapshot inside every write.
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
                persistAfterWrite();
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Writes the snapshot now if anything changed since the last one. */
    public void flush() {
        if (file == null || !dirty.getAndSet(false)) {
            return;
        }
        List<ObjectNode> snapshot = read(t -> new ArrayList<>(t.all()));
        synchronized (file) {
            file.save(snapshot);
        }
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
        flush();
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

    private void persistAfterWrite() {
        if (file == null) {
            return;
        }
        dirty.set(true);
        if (flusher == null) {
            synchronized (file) {
                dirty.set(false);
                file.save(tree.all());
            }
        } else if (flushScheduled.compareAndSet(false, true)) {
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
