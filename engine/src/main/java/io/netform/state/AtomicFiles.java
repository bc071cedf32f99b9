package io.netform.state;

import io.netform.file.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a state file so that readers see either the old content or the new, never a mix, even after a crash. */
final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with {@code content}, readable by its owner only (state holds secrets). When
     * {@code backup} is given, the previous content stays there (a hard link, so nothing is copied).
     */
    static void write(Path target, byte[] content, Path backup) throws IOException {
        if (backup != null && Files.exists(target)) {
            keepBackup(target, backup);
        }
        AtomicFile.replaceOwnerOnly(target, content);
    }

    private static void keepBackup(Path target, Path backup) throws IOException {
        Files.deleteIfExists(backup);
        try {
            Files.createLink(backup, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
