package io.netform.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * The lock of a local state file: an OS lock on {@code .NAME.lock.info} beside the state, which the
 * OS releases if the holder dies (so it never goes stale), and in that file who holds it.
 */
public final class StateLock implements AutoCloseable {

    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration MAX_RETRY = Duration.ofSeconds(16);

    private final Path infoPath;
    private final FileChannel channel;
    private final FileLock lock;
    private final LockInfo info;

    private StateLock(Path infoPath, FileChannel channel, FileLock lock, LockInfo info) {
        this.infoPath = infoPath;
        this.channel = channel;
        this.lock = lock;
        this.info = info;
    }

    /** Where the lock of {@code stateFile} lives. */
    public static Path infoPathFor(Path stateFile) {
        return stateFile.resolveSibling("." + stateFile.getFileName() + ".lock.info");
    }

    /**
     * Takes the lock, retrying with backoff for up to {@code timeout}.
     *
     * @throws StateLockedException with the holder's info when the lock is still held after {@code timeout}
     */
    public static StateLock acquire(Path stateFile, LockInfo info, Duration timeout) {
        Path infoPath = infoPathFor(stateFile);
        Instant deadline = Instant.now().plus(timeout);
        Duration wait = FIRST_RETRY;
        while (true) {
            StateLock taken = tryAcquire(infoPath, info);
            if (taken != null) {
                return taken;
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                LockInfo holder = readInfo(infoPath);
                throw new StateLockedException(
                        "Error acquiring the state lock\n\n"
                                + "The state file " + stateFile + " is locked by another command.\n"
                                + (holder == null ? "" : "Lock Info:\n" + holder.describe() + "\n\n")
                                + "Netform acquires a state lock to protect the state from being written by multiple\n"
                                + "users at the same time. Wait for the other command to finish, use -lock-timeout to\n"
                                + "wait for it, or, if you are sure no command is running, force-unlock the ID above.",
                        holder);
            }
            pause(wait.compareTo(left) < 0 ? wait : left);
            wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
        }
    }

    private static StateLock tryAcquire(Path infoPath, LockInfo info) {
        FileChannel channel = null;
        try {
            Files.createDirectories(infoPath.toAbsolutePath().getParent());
            channel = FileChannel.open(
                    infoPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            byte[] json = StateCodec.mapper().writeValueAsBytes(info.toJson());
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(json), 0);
            channel.force(true);
            return new StateLock(infoPath, channel, lock, info);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("could not lock the state at " + infoPath + ": " + e.getMessage(), e);
        }
    }

    /** The info of the current holder, or null when the lock is free or its info unreadable. */
    public static LockInfo readInfo(Path infoPath) {
        try {
            byte[] bytes = Files.readAllBytes(infoPath);
            if (bytes.length == 0) {
                return null;
            }
            return LockInfo.fromJson(StateCodec.mapper().readTree(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Clears the lock info left with {@code id}, as {@code force-unlock ID} does. The OS lock itself is
     * released by its holder's exit; this only removes a record that no process stands behind.
     *
     * @throws IllegalStateException when the lock is held by a running command or the ID does not match
     */
    public static void forceUnlock(Path stateFile, String id) {
        Path infoPath = infoPathFor(stateFile);
        LockInfo holder = readInfo(infoPath);
        if (holder == null) {
            throw new IllegalStateException("The state at " + stateFile + " is not locked.");
        }
        if (!holder.id().equals(id)) {
            throw new IllegalStateException(
                    "The lock ID \"" + id + "\" does not match the existing lock ID \"" + holder.id() + "\".");
        }
        try (FileChannel channel = FileChannel.open(infoPath, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("The lock " + id + " is held by a running command (" + holder.who()
                        + ", " + holder.operation() + "); it is released when that command ends.");
            }
            channel.truncate(0);
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("The lock " + id + " is held by this process.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unlock " + infoPath + ": " + e.getMessage(), e);
        }
    }

    /** The info this lock was taken with. */
    public LockInfo info() {
        return info;
    }

    /** Releases the lock and clears its info. */
    @Override
    public void close() {
        try {
            // The file stays: deleting it would let a waiter lock an unlinked file while a newcomer locks a new one.
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release the state lock " + infoPath, e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateLockedException("Interrupted while waiting for the state lock", null);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing; the original error is the one to report.
            }
        }
    }
}
