package io.netform.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Replaces a file so that readers see either the old content or the new, never a mix, even after a crash:
 * a temporary file beside it, fsynced, renamed over it, then the directory fsynced.
 */
public final class AtomicFile {

    private AtomicFile() {}

    /** Replaces {@code target} with {@code content}, keeping its permissions (a new file is its owner's only). */
    public static void replace(Path target, byte[] content) throws IOException {
        write(target, content, false);
    }

    /** Replaces {@code target} with {@code content}, readable by its owner only, as files holding secrets are. */
    public static void replaceOwnerOnly(Path target, byte[] content) throws IOException {
        write(target, content, true);
    }

    private static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // createTempFile makes the file its owner's only on POSIX file systems.
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (!ownerOnly && Files.exists(target)) {
                keepPermissions(target, temp);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the platform's default permissions apply.
        }
    }

    /** Makes a rename or a new file in {@code dir} durable (a no-op where directories cannot be opened). */
    public static void syncDirectory(Path dir) {
        Path absolute = dir == null ? Path.of("").toAbsolutePath() : dir.toAbsolutePath();
        try (FileChannel channel = FileChannel.open(absolute, Set.of(StandardOpenOption.READ))) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename is still atomic there.
        }
    }
}
