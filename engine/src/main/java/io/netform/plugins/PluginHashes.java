package io.netform.plugins;

import io.netform.file.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The h1 hashes of plugin directories, remembered in a file together with a stamp of each file's
 * size, modification and change times and inode, so that a command hashes a plugin again only when
 * one of its files changed. Every command checks a plugin against the lock file before starting
 * it, and hashing the tens of megabytes of a JVM plugin costs about a second in the CLI's
 * quick-starting JVM. A file's change time cannot be set back by a program, so a changed file always
 * changes the stamp; files changed within the last seconds are not trusted to (the times may not
 * have moved yet), and their directory is hashed afresh until they are older.
 */
public final class PluginHashes {

    /** How recent a change must be for the stamp not to be trusted to show the next one. */
    static final Duration RACY = Duration.ofSeconds(2);

    private final Path file;
    private final Clock clock;

    private PluginHashes(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Hashes remembered in {@code file} (created on first use). */
    public static PluginHashes rememberedIn(Path file) {
        return new PluginHashes(file, Clock.systemUTC());
    }

    static PluginHashes rememberedIn(Path file, Clock clock) {
        return new PluginHashes(file, clock);
    }

    /** The h1 hash of the directory: remembered while its stamp is unchanged, else computed (and remembered). */
    public String h1(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        Optional<Stamp> stamp = Stamp.of(key);
        if (stamp.isEmpty()) {
            return DirHash.h1(key);
        }
        Map<String, String[]> remembered = read();
        String[] entry = remembered.get(key.toString());
        if (entry != null && entry[1].equals(stamp.get().digest())) {
            return entry[0];
        }
        String hash = DirHash.h1(key);
        if (stamp.get().newestChange().toInstant().isBefore(clock.instant().minus(RACY))) {
            remembered.put(key.toString(), new String[] {hash, stamp.get().digest()});
            write(remembered);
        }
        return hash;
    }

    /** The size, times and inode of every file of a directory, digested; empty where the file system has no inodes. */
    private record Stamp(String digest, FileTime newestChange) {

        static Optional<Stamp> of(Path dir) {
            try (Stream<Path> walk = Files.walk(dir)) {
                List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                FileTime newest = FileTime.fromMillis(0);
                for (Path f : files) {
                    Map<String, Object> a = Files.readAttributes(f, "unix:size,lastModifiedTime,ctime,ino");
                    FileTime changed = (FileTime) a.get("ctime");
                    newest = changed.compareTo(newest) > 0 ? changed : newest;
                    String line = dir.relativize(f) + " " + a.get("size") + " " + nanos(a.get("lastModifiedTime")) + " "
                            + nanos(changed) + " " + a.get("ino") + "\n";
                    digest.update(line.getBytes(StandardCharsets.UTF_8));
                }
                return Optional.of(new Stamp(HexFormat.of().formatHex(digest.digest()), newest));
            } catch (UnsupportedOperationException
                    | IllegalArgumentException
                    | IOException
                    | NoSuchAlgorithmException e) {
                return Optional.empty();
            }
        }

        private static long nanos(Object time) {
            java.time.Instant instant = ((FileTime) time).toInstant();
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        }
    }

    /** Directory → {hash, stamp}; nothing when the file is missing or unreadable (the hashes are then computed). */
    private Map<String, String[]> read() {
        Map<String, String[]> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 3);
                if (parts.length == 3) {
                    entries.put(parts[2], new String[] {parts[0], parts[1]});
                }
            }
        } catch (IOException e) {
            entries.clear();
        }
        return entries;
    }

    /** Replaces the file whole, so a reader never sees half of it; a failure only means hashing again next time. */
    private void write(Map<String, String[]> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach((dir, entry) -> text.append(entry[0])
                .append('\t')
                .append(entry[1])
                .append('\t')
                .append(dir)
                .append('\n'));
        try {
            AtomicFile.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Remembering is an optimisation: the next command hashes the plugin again.
        }
    }
}
