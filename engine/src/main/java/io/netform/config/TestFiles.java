package io.netform.config;

import io.netform.hcl.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A module's test files ({@code *.tftest.hcl}, {@code *.tftest.json}) in its own directory and then its test
 * directory, as {@code terraform test} and {@code terraform validate} find them, each decoded.
 *
 * @param files the files that decoded, by their path from the module directory, in the order they run
 * @param diagnostics what decoding found wrong in any of them
 * @param sources every file's text, by the same path, for diagnostics' snippets
 */
public record TestFiles(Map<String, TestFile> files, List<Diagnostic> diagnostics, Map<String, String> sources) {

    /** The test files of the module in {@code dir}, its test directory being {@code testDirectory} below it. */
    public static TestFiles load(Path dir, String testDirectory) {
        return load(dir, testDirectory, name -> true);
    }

    /** As {@link #load(Path, String)}, of the files whose path from {@code dir} {@code wanted} accepts. */
    public static TestFiles load(Path dir, String testDirectory, Predicate<String> wanted) {
        Map<String, TestFile> files = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : names(dir, testDirectory)) {
            if (!wanted.test(name)) {
                continue;
            }
            byte[] content = read(dir.resolve(name));
            sources.put(name, new String(content, StandardCharsets.UTF_8));
            TestFileDecoder.Decoded decoded = TestFileDecoder.decode(name, content);
            diagnostics.addAll(decoded.diagnostics());
            if (decoded.file() != null) {
                files.put(name, decoded.file());
            }
        }
        return new TestFiles(files, diagnostics, sources);
    }

    private static List<String> names(Path dir, String testDirectory) {
        List<String> names = new ArrayList<>();
        for (Path folder : List.of(dir, dir.resolve(testDirectory))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> listed = Files.list(folder)) {
                listed.filter(p -> p.getFileName().toString().endsWith(".tftest.hcl")
                                || p.getFileName().toString().endsWith(".tftest.json"))
                        .filter(Files::isRegularFile)
                        .map(p -> dir.relativize(p).toString())
                        .sorted()
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + folder, e);
            }
        }
        return names;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the test file " + file, e);
        }
    }
}
