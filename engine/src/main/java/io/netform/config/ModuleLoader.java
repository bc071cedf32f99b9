package io.netform.config;

import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.hcl.ParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a configuration: every {@code .tf} file of the root directory, then, recursively, the local
 * modules it calls, from disk or from the snapshot of the files a plan file keeps. File names in
 * diagnostics are relative to the root directory, as the user typed them.
 */
public final class ModuleLoader {

    private final Path rootDir;
    private final ConfigFiles files;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Deque<Path> loading = new ArrayDeque<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    private ModuleLoader(Path rootDir, ConfigFiles files) {
        this.rootDir = rootDir;
        this.files = files;
    }

    /** Loads the configuration whose root module is {@code dir}. */
    public static LoadResult load(Path dir) {
        return new ModuleLoader(dir.toAbsolutePath().normalize(), new ConfigFiles.Disk()).load();
    }

    /**
     * Loads a configuration from a snapshot of its files, as a plan file keeps them.
     *
     * @param rootDir  the directory the root module stands for ({@code path.module} and {@code path.root})
     * @param snapshot the text of every file by its path relative to the root directory, the names
     *                 {@link LoadResult#sources()} uses
     */
    public static LoadResult load(Path rootDir, Map<String, String> snapshot) {
        Path root = rootDir.toAbsolutePath().normalize();
        return new ModuleLoader(root, ConfigFiles.Snapshot.of(root, snapshot)).load();
    }

    private LoadResult load() {
        Module root = module(List.of(), rootDir);
        if (root.variables().isEmpty() && root.resources().isEmpty() && root.calls().isEmpty()
                && root.outputs().isEmpty() && root.locals().isEmpty() && !hasFiles(rootDir)) {
            diagnostics.add(Diagnostic.error("No configuration files", "There are no .tf files in "
                    + rootDir + ". Run Netform in a directory with a configuration, or use -chdir=DIR.", null));
        }
        return new LoadResult(root, diagnostics, sources);
    }

    private Module module(List<String> path, Path dir) {
        loading.push(dir);
        try {
            List<Body> bodies = new ArrayList<>();
            for (Path file : configFiles(dir)) {
                ParseResult<Body> parsed = parse(file);
                diagnostics.addAll(parsed.diagnostics());
                bodies.add(parsed.value());
            }
            Module decoded = ModuleDecoder.decode(path, dir, bodies, diagnostics);
            Map<String, Module> children = new LinkedHashMap<>();
            for (ModuleCall call : decoded.calls().values()) {
                Module child = child(path, dir, call);
                if (child != null) {
                    children.put(call.name(), child);
                }
            }
            return new Module(path, dir, decoded.settings(), decoded.variables(), decoded.locals(), decoded.outputs(),
                    decoded.providers(), decoded.resources(), decoded.calls(), children, decoded.stateBlocks(),
                    decoded.checks());
        } finally {
            loading.pop();
        }
    }

    private Module child(List<String> parentPath, Path parentDir, ModuleCall call) {
        Path dir = parentDir.resolve(call.source()).normalize();
        if (!files.isDirectory(dir)) {
            diagnostics.add(Diagnostic.error("Unreadable module directory", "The module directory " + display(dir)
                    + " does not exist or cannot be read.", call.declRange()));
            return null;
        }
        if (loading.contains(dir)) {
            diagnostics.add(Diagnostic.error("Module cycle", "Module \"" + call.name() + "\" calls " + display(dir)
                    + ", which is already being loaded: a module cannot call itself, directly or indirectly.",
                    call.declRange()));
            return null;
        }
        List<String> path = new ArrayList<>(parentPath);
        path.add(call.name());
        return module(path, dir);
    }

    private ParseResult<Body> parse(Path file) {
        try {
            byte[] bytes = files.read(file);
            sources.put(display(file), new String(bytes, StandardCharsets.UTF_8));
            return HclParser.parseFile(display(file), bytes);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("Failed to read file", "The configuration file " + display(file)
                    + " could not be read: " + e.getMessage(), null));
            return new ParseResult<>(new Body(List.of(), null), List.of());
        }
    }

    private List<Path> configFiles(Path dir) {
        try {
            return files.tfFiles(dir);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("Failed to read module directory", "The directory " + display(dir)
                    + " could not be read: " + e.getMessage(), null));
            return List.of();
        }
    }

    private boolean hasFiles(Path dir) {
        return !configFiles(dir).isEmpty();
    }

    private String display(Path p) {
        return rootDir.relativize(p.toAbsolutePath().normalize()).toString();
    }
}
