package io.netform.config;

import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.hcl.JsonSyntax;
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
import java.util.function.Consumer;

/**
 * Loads a configuration: every {@code .tf} and {@code .tf.json} file of the root directory (override
 * files merged in last), then, recursively, the modules it calls, from disk or from the snapshot of
 * the files a plan file keeps. Modules from git or absolute paths come from where {@code init}
 * installed them, as its manifest says. File names in diagnostics are relative to the root directory,
 * as the user typed them.
 */
public final class ModuleLoader {

    private final Path rootDir;
    private final ConfigFiles files;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Deque<Path> loading = new ArrayDeque<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final ModuleInstaller installer;
    private ModuleManifest manifest;

    private ModuleLoader(Path rootDir, ConfigFiles files, ModuleInstaller installer) {
        this.rootDir = rootDir;
        this.files = files;
        this.installer = installer;
    }

    /** Loads the configuration whose root module is {@code dir}. */
    public static LoadResult load(Path dir) {
        return new ModuleLoader(dir.toAbsolutePath().normalize(), new ConfigFiles.Disk(), null).load();
    }

    /**
     * Loads the configuration in {@code dir} as {@code init} does: installs the modules it calls from
     * git repositories (again, with {@code upgrade}) and records every module in the manifest.
     *
     * @param progress told each module as it is found or installed, in Terraform's words
     */
    public static LoadResult install(Path dir, boolean upgrade, Consumer<String> progress) {
        Path root = dir.toAbsolutePath().normalize();
        ModuleInstaller installer = new ModuleInstaller(root, upgrade, progress);
        LoadResult loaded = new ModuleLoader(root, new ConfigFiles.Disk(), installer).load();
        // what was installed stays usable even when some module has errors, which a fix may not touch
        installer.writeManifest();
        return loaded;
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
        return new ModuleLoader(root, ConfigFiles.Snapshot.of(root, snapshot), null).load();
    }

    private LoadResult load() {
        Module root = module(List.of(), rootDir, null);
        if (root.variables().isEmpty()
                && root.resources().isEmpty()
                && root.calls().isEmpty()
                && root.outputs().isEmpty()
                && root.locals().isEmpty()
                && !hasFiles(rootDir)) {
            diagnostics.add(Diagnostic.error(
                    "No configuration files",
                    "There are no .tf or .tf.json files in " + rootDir
                            + ". Run Netform in a directory with a configuration, or use -chdir=DIR.",
                    null));
        }
        return new LoadResult(root, diagnostics, sources);
    }

    /** Loads the module in {@code dir}; {@code packageDir} is the installed package it belongs to, if any. */
    private Module module(List<String> path, Path dir, Path packageDir) {
        loading.push(dir);
        try {
            List<Body> primaries = new ArrayList<>();
            List<Body> overrides = new ArrayList<>();
            for (Path file : configFiles(dir)) {
                ParseResult<Body> parsed = parse(file);
                diagnostics.addAll(parsed.diagnostics());
                (ConfigFiles.isOverride(file) ? overrides : primaries).add(parsed.value());
            }
            Module decoded = ModuleDecoder.decode(
                    path, dir, OverrideFiles.merge(primaries, overrides, diagnostics), diagnostics);
            Map<String, Module> children = new LinkedHashMap<>();
            for (ModuleCall call : decoded.calls().values()) {
                Module child = child(path, dir, packageDir, call);
                if (child != null) {
                    children.put(call.name(), child);
                }
            }
            return new Module(
                    path,
                    dir,
                    decoded.settings(),
                    decoded.variables(),
                    decoded.locals(),
                    decoded.outputs(),
                    decoded.providers(),
                    decoded.resources(),
                    decoded.calls(),
                    children,
                    decoded.stateBlocks(),
                    decoded.checks());
        } finally {
            loading.pop();
        }
    }

    private Module child(List<String> parentPath, Path parentDir, Path packageDir, ModuleCall call) {
        List<String> path = new ArrayList<>(parentPath);
        path.add(call.name());
        String key = String.join(".", path);
        Path dir;
        Path childPackage = packageDir;
        if (!call.address().installed()) {
            dir = parentDir.resolve(call.source()).normalize();
            if (packageDir != null && !dir.startsWith(packageDir)) {
                diagnostics.add(Diagnostic.error(
                        "Invalid module source address",
                        "The relative path \""
                                + call.source() + "\" traverses outside of the module package it is called from, "
                                + display(packageDir) + "; a module installed by init can call only modules of its own "
                                + "package by path.",
                        call.declRange()));
                return null;
            }
            if (installer != null && files.isDirectory(dir)) {
                installer.local(key, call, dir);
            }
        } else {
            dir = installer != null ? installer.install(key, call, diagnostics) : installed(key, call);
            if (dir == null) {
                return null;
            }
            childPackage = ModuleManifest.packageDir(rootDir, key);
        }
        if (!files.isDirectory(dir)) {
            diagnostics.add(Diagnostic.error(
                    "Unreadable module directory",
                    "The module directory " + display(dir) + " does not exist or cannot be read.",
                    call.declRange()));
            return null;
        }
        if (loading.contains(dir)) {
            diagnostics.add(Diagnostic.error(
                    "Module cycle",
                    "Module \"" + call.name() + "\" calls " + display(dir)
                            + ", which is already being loaded: a module cannot call itself, directly or indirectly.",
                    call.declRange()));
            return null;
        }
        return module(path, dir, childPackage);
    }

    /** Where init installed the module at {@code key}, or null after Terraform's error for a missing install. */
    private Path installed(String key, ModuleCall call) {
        if (manifest == null) {
            manifest = readManifest();
        }
        var entry = manifest.entry(key);
        if (entry.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Module not installed",
                    "This module is not yet installed. Run \"netform "
                            + "init\" to install all modules required by this configuration.",
                    call.declRange()));
            return null;
        }
        if (!entry.get().source().equals(call.source())) {
            diagnostics.add(Diagnostic.error(
                    "Module source has changed",
                    "The source address was changed since this "
                            + "module was installed. Run \"netform init\" to install all modules required by this "
                            + "configuration.",
                    call.declRange()));
            return null;
        }
        return rootDir.resolve(entry.get().dir()).normalize();
    }

    private ModuleManifest readManifest() {
        Path file = rootDir.resolve(ModuleManifest.PATH);
        try {
            byte[] bytes = files.read(file);
            // kept with the sources so that a plan file's snapshot finds its modules the same way
            sources.put(display(file), new String(bytes, StandardCharsets.UTF_8));
            return ModuleManifest.parse(bytes);
        } catch (IOException e) {
            return new ModuleManifest(List.of());
        }
    }

    private ParseResult<Body> parse(Path file) {
        try {
            byte[] bytes = files.read(file);
            sources.put(display(file), new String(bytes, StandardCharsets.UTF_8));
            return JsonSyntax.isJson(display(file))
                    ? JsonSyntax.parseFile(display(file), bytes)
                    : HclParser.parseFile(display(file), bytes);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(
                    "Failed to read file",
                    "The configuration file " + display(file) + " could not be read: " + e.getMessage(),
                    null));
            return new ParseResult<>(new Body(List.of(), null), List.of());
        }
    }

    private List<Path> configFiles(Path dir) {
        try {
            return files.configFiles(dir);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(
                    "Failed to read module directory",
                    "The directory " + display(dir) + " could not be read: " + e.getMessage(),
                    null));
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
