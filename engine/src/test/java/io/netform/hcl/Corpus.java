package io.netform.hcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the test corpus under {@code src/test/resources/hcl}. */
final class Corpus {
    private Corpus() {}

    /** The files of corpus directory {@code dir} whose names end with {@code suffix}, sorted. */
    static List<Path> files(String dir, String suffix) {
        try (Stream<Path> list = Files.list(root().resolve(dir))) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a corpus file. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file} with its extension replaced by {@code extension} (which includes the dot). */
    static Path sibling(Path file, String from, String extension) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - from.length()) + extension);
    }

    private static Path root() {
        try {
            return Path.of(Corpus.class.getResource("/hcl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
