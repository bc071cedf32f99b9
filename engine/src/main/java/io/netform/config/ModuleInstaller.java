package io.netform.config;

import io.netform.hcl.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What {@code init} does for module calls: clones git sources with the system {@code git} (and links
 * absolute directories) into {@code .netform/modules/KEY}, keeps a module already installed from the
 * same source unless upgrading, and writes the manifest that later commands load modules by.
 */
final class ModuleInstaller {

    private final Path rootDir;
    private final boolean upgrade;
    private final ModuleManifest previous;
    private final Consumer<String> progress;
    private final List<ModuleManifest.Entry> entries = new ArrayList<>();

    ModuleInstaller(Path rootDir, boolean upgrade, Consumer<String> progress) {
        this.rootDir = rootDir;
        this.upgrade = upgrade;
        this.progress = progress;
        this.previous = readPrevious(rootDir.resolve(ModuleManifest.PATH));
        entries.add(new ModuleManifest.Entry("", "", "."));
    }

    /** Records a local module, which needs no installing, as Terraform's manifest lists it too. */
    void local(String key, ModuleCall call, Path dir) {
        String relative = relative(dir);
        progress.accept("- " + key + " in " + relative);
        entries.add(new ModuleManifest.Entry(key, call.source(), relative));
    }

    /** The directory of the installed module at {@code key}, or null after a diagnostic. */
    Path install(String key, ModuleCall call, List<Diagnostic> diagnostics) {
        Path packageDir = ModuleManifest.packageDir(rootDir, key);
        String subdir = call.address() instanceof ModuleSource.Git g
                ? g.subdir()
                : ((ModuleSource.Directory) call.address()).subdir();
        Path dir = subdir.isEmpty() ? packageDir : packageDir.resolve(subdir).normalize();
        var earlier = previous.entry(key);
        boolean current =
                earlier.isPresent() && earlier.get().source().equals(call.source()) && Files.isDirectory(packageDir);
        if (!current || upgrade) {
            progress.accept("Downloading " + call.source() + " for " + key + "...");
            String failure = fetch(call.address(), packageDir);
            if (failure != null) {
                diagnostics.add(Diagnostic.error(
                        "Failed to download module",
                        "Could not download module \""
                                + call.name() + "\" (" + call.declRange() + ") source code from \"" + call.source()
                                + "\": "
                                + failure,
                        call.declRange()));
                return null;
            }
        }
        progress.accept("- " + key + " in " + relative(dir));
        if (!Files.isDirectory(dir)) {
            diagnostics.add(Diagnostic.error(
                    "Module not found",
                    "The module \"" + call.name() + "\" source \"" + call.source() + "\" has no directory \"" + subdir
                            + "\".",
                    call.declRange()));
            return null;
        }
        entries.add(new ModuleManifest.Entry(key, call.source(), relative(dir)));
        return dir;
    }

    /** Writes the manifest of everything installed or found. */
    void writeManifest() {
        try {
            Path manifest = rootDir.resolve(ModuleManifest.PATH);
            Files.createDirectories(manifest.getParent());
            Files.write(manifest, new ModuleManifest(entries).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fetches the package into {@code target}; the reason for a failure, or null. */
    private String fetch(ModuleSource source, Path target) {
        try {
            delete(target);
            Files.createDirectories(target.getParent());
            if (source instanceof ModuleSource.Directory d) {
                // go-getter links a local directory rather than copying it, so edits show without init
                Files.createSymbolicLink(target, Path.of(d.path()));
                return null;
            }
            ModuleSource.Git git = (ModuleSource.Git) source;
            List<String> clone = new ArrayList<>(List.of("git", "clone", "--quiet"));
            if (git.depth() != null) {
                clone.addAll(List.of("--depth", git.depth().toString()));
                if (git.ref() != null) {
                    clone.addAll(List.of("--branch", git.ref()));
                }
            }
            clone.addAll(List.of("--", git.url(), target.toString()));
            String failed = run(clone, rootDir);
            if (failed == null && git.ref() != null && git.depth() == null) {
                failed = run(List.of("git", "checkout", "--quiet", git.ref(), "--"), target);
            }
            return failed;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static String run(List<String> command, Path dir) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return "git could not be run (" + e.getMessage() + "); installing a git module needs git on the PATH.";
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            int exit = process.waitFor();
            return exit == 0 ? null : String.join(" ", command.subList(0, 2)) + " exited with " + exit + ": " + output;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void delete(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            Files.delete(target);
            return;
        }
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> all = Files.walk(target)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private String relative(Path dir) {
        String r = rootDir.relativize(dir.toAbsolutePath().normalize()).toString();
        return r.isEmpty() ? "." : r;
    }

    private static ModuleManifest readPrevious(Path manifest) {
        try {
            return Files.isRegularFile(manifest)
                    ? ModuleManifest.parse(Files.readAllBytes(manifest))
                    : new ModuleManifest(List.of());
        } catch (IOException e) {
            return new ModuleManifest(List.of());
        }
    }
}
