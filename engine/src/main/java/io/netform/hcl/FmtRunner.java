package io.netform.hcl;

import io.netform.file.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@code netform fmt} over a file or directory: finds the configuration files, formats each
 * and rewrites the changed ones atomically (unless {@code -check}); the CLI prints the report.
 */
public final class FmtRunner {
    private FmtRunner() {}

    /**
     * Formats {@code target} (a file, or the configuration files of a directory) according to
     * {@code options}. Files that cannot be read or written are reported as failed, with a diagnostic.
     */
    public static FmtReport run(Path target, FmtOptions options) {
        List<FmtReport.FileOutcome> outcomes = new ArrayList<>();
        List<Path> files;
        try {
            files = configurationFiles(target, options.recursive());
        } catch (IOException e) {
            return new FmtReport(options, List.of(unreadable(target, e)));
        }
        for (Path file : files) {
            try {
                outcomes.add(formatFile(file, options));
            } catch (IOException e) {
                outcomes.add(unreadable(file, e));
            }
        }
        return new FmtReport(options, outcomes);
    }

    private static FmtReport.FileOutcome unreadable(Path path, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "there is no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else {
            reason = e.getMessage();
        }
        Diagnostic diagnostic = Diagnostic.error(
                "Cannot format " + path, "The file could not be read or written: " + reason + ".", null);
        return new FmtReport.FileOutcome(path, new FormatResult(path.toString(), "", "", List.of(diagnostic)), false);
    }

    /** True for the file names {@code fmt} processes in a directory: {@code .tf}, {@code .tfvars}, {@code .tftest.hcl}. */
    public static boolean isConfigurationFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".tf") || name.endsWith(".tfvars") || name.endsWith(".tftest.hcl");
    }

    private static List<Path> configurationFiles(Path target, boolean recursive) throws IOException {
        if (!Files.isDirectory(target)) {
            return List.of(target);
        }
        try (Stream<Path> walk = recursive ? Files.walk(target) : Files.list(target)) {
            return walk.filter(Files::isRegularFile)
                    .filter(FmtRunner::isConfigurationFile)
                    .filter(p -> !isInHiddenDirectory(target.relativize(p)))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Directories such as {@code .netform} hold downloaded modules, which are not the user's to reformat. */
    private static boolean isInHiddenDirectory(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static FmtReport.FileOutcome formatFile(Path file, FmtOptions options) throws IOException {
        FormatResult result = HclFormatter.format(file.toString(), Files.readAllBytes(file));
        boolean write = !options.check() && !result.hasErrors() && result.changed();
        if (write) {
            // Keeps the file's permissions, as terraform fmt does.
            AtomicFile.replace(file, result.formatted().getBytes(StandardCharsets.UTF_8));
        }
        return new FmtReport.FileOutcome(file, result, write);
    }
}
