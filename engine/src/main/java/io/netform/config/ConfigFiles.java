package io.netform.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where {@link ModuleLoader} reads a configuration's files from: the directories on disk, or the
 * snapshot of them a plan file keeps. Paths are absolute and normalized; the loader's algorithm is
 * the same for both, so are its diagnostics.
 */
sealed interface ConfigFiles permits ConfigFiles.Disk, ConfigFiles.Snapshot {

    /**
     * The configuration files ({@code .tf} and {@code .tf.json}) directly in {@code dir}, in name order,
     * leaving out what editors and tools leave behind as Terraform does: names starting with a dot,
     * ending with a tilde, or starting and ending with {@code #}.
     */
    List<Path> configFiles(Path dir) throws IOException;

    /** The content of {@code file}. */
    byte[] read(Path file) throws IOException;

    /** Whether {@code dir} is a directory that can hold configuration files. */
    boolean isDirectory(Path dir);

    /** The file system. */
    record Disk() implements ConfigFiles {
        @Override
        public List<Path> configFiles(Path dir) throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> isConfig(f) && Files.isRegularFile(f))
                        .sorted()
                        .toList();
            }
        }

        @Override
        public byte[] read(Path file) throws IOException {
            return Files.readAllBytes(file);
        }

        @Override
        public boolean isDirectory(Path dir) {
            return Files.isDirectory(dir);
        }
    }

    /**
     * Files kept as text by their path relative to a root directory, as a plan file holds them. A
     * directory exists when some file lies under it.
     */
    record Snapshot(Map<Path, String> files) implements ConfigFiles {

        public Snapshot {
            files = Map.copyOf(files);
        }

        /** The snapshot of {@code relative} (file name relative to {@code root} -> text). */
        static Snapshot of(Path root, Map<String, String> relative) {
            Map<Path, String> files = new HashMap<>();
            relative.forEach((name, text) -> files.put(root.resolve(name).normalize(), text));
            return new Snapshot(files);
        }

        @Override
        public List<Path> configFiles(Path dir) {
            return files.keySet().stream()
                    .filter(f -> dir.equals(f.getParent()) && isConfig(f))
                    .sorted()
                    .toList();
        }

        @Override
        public byte[] read(Path file) throws IOException {
            String text = files.get(file);
            if (text == null) {
                throw new NoSuchFileException(file.toString());
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean isDirectory(Path dir) {
            return files.keySet().stream().anyMatch(f -> !f.equals(dir) && f.startsWith(dir));
        }
    }

    private static boolean isConfig(Path file) {
        String name = file.getFileName().toString();
        boolean ignored = name.startsWith(".") || name.endsWith("~") || (name.startsWith("#") && name.endsWith("#"));
        return !ignored && (name.endsWith(".tf") || name.endsWith(".tf.json"));
    }

    /**
     * Whether {@code file} is an override file ({@code override.tf}, {@code *_override.tf} and their
     * {@code .tf.json} forms), merged into the others after they are loaded.
     */
    static boolean isOverride(Path file) {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.length() - (name.endsWith(".json") ? ".tf.json" : ".tf").length());
        return base.equals("override") || base.endsWith("_override");
    }
}
