package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * abspath basename dirname file filebase64 fileexists fileset filemd5 filesha1 filesha256 filesha512
 * filebase64sha256 filebase64sha512 pathexpand templatefile. Relative paths are
 * read from the module directory given to the registry (abspath, like Terraform, resolves against
 * the working directory).
 */
final class FilesystemFunctions {
    private final String baseDir;
    private final TemplateRenderer renderer;
    private final Supplier<Map<String, Function>> templateFunctions;

    FilesystemFunctions(Path baseDir, TemplateRenderer renderer, Supplier<Map<String, Function>> templateFunctions) {
        this.baseDir = baseDir.toString().replace('\\', '/');
        this.renderer = renderer;
        this.templateFunctions = templateFunctions;
    }

    /** The functions that read the file system, which a templatestring template may not call. */
    static final Set<String> FILE_READERS = Set.of(
            "file",
            "filebase64",
            "fileexists",
            "fileset",
            "filemd5",
            "filesha1",
            "filesha256",
            "filesha512",
            "filebase64sha256",
            "filebase64sha512",
            "templatefile");

    List<Function> all() {
        List<Function> all = new ArrayList<>(List.of(
                pathFunction(
                        "abspath",
                        p -> GoPath.clean(
                                GoPath.isAbsolute(p)
                                        ? p
                                        : Path.of("")
                                                        .toAbsolutePath()
                                                        .toString()
                                                        .replace('\\', '/') + "/" + p)),
                pathFunction("basename", GoPath::base),
                pathFunction("dirname", GoPath::dir),
                Function.builder("pathexpand")
                        .param("path", Type.STRING)
                        .returns(Type.STRING)
                        .impl((args, t) -> Value.string(expandHome(args.get(0).asString())))
                        .build(),
                file(),
                filebase64(),
                fileexists(),
                fileset(),
                templatefile()));
        for (HashFunctions.Digest d : HashFunctions.DIGESTS) {
            all.add(fileHash(d));
        }
        return List.copyOf(all);
    }

    private interface PathOperation {
        String apply(String path);
    }

    private static Function pathFunction(String name, PathOperation op) {
        return Function.builder(name)
                .param("path", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> Value.string(op.apply(args.get(0).asString())))
                .build();
    }

    /** A leading {@code ~} becomes the home directory, as the go-homedir package does it. */
    static String expandHome(String path) throws FunctionException {
        if (!path.startsWith("~")) {
            return path;
        }
        if (path.length() > 1 && path.charAt(1) != '/' && path.charAt(1) != '\\') {
            throw new FunctionException("cannot expand user-specific home dir");
        }
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return GoPath.join(home.replace('\\', '/'), path.substring(1));
    }

    /** The path a function argument names: home expanded, joined to the module directory, cleaned. */
    private String resolve(String path) throws FunctionException {
        String expanded;
        try {
            expanded = expandHome(path);
        } catch (FunctionException e) {
            throw new FunctionException("failed to expand ~: " + e.reason());
        }
        return GoPath.clean(GoPath.isAbsolute(expanded) ? expanded : GoPath.join(baseDir, expanded));
    }

    private static String shown(Value pathArg, String path) {
        return pathArg.isSensitive() ? "(sensitive value)" : GoText.quote(path);
    }

    private Function file() {
        return Function.builder("file")
                .param(Parameter.of("path", Type.STRING).allowingMarks())
                .returns(Type.STRING)
                .impl((args, t) ->
                        Value.string(read(args.get(0))).withMarks(args.get(0).marks()))
                .build();
    }

    private Function filebase64() {
        return Function.builder("filebase64")
                .param(Parameter.of("path", Type.STRING).allowingMarks())
                .returns(Type.STRING)
                .impl((args, t) -> Value.string(Base64.getEncoder().encodeToString(readBytes(args.get(0), true)))
                        .withMarks(args.get(0).marks()))
                .build();
    }

    /** filemd5 and the like: the digest of a file's bytes; a file that cannot be read fails the call. */
    private Function fileHash(HashFunctions.Digest digest) {
        return Function.builder("file" + digest.name())
                .param("path", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> Value.string(digest.of(readBytes(args.get(0), false))))
                .build();
    }

    /**
     * The bytes of the file an argument names, with Terraform's messages when it cannot be read:
     * against the argument when {@code argumentAtFault}, else against the call.
     */
    private byte[] readBytes(Value pathArg, boolean argumentAtFault) throws FunctionException {
        String path = resolve(pathArg.unmark().asString());
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (NoSuchFileException e) {
            throw failure(
                    argumentAtFault,
                    "no file exists at " + shown(pathArg, path) + "; this function"
                            + " works only with files that are distributed as part of the configuration source code,"
                            + " so if this file will be created by a resource in this configuration you must instead"
                            + " obtain this result from an attribute of that resource");
        } catch (IOException e) {
            throw failure(argumentAtFault, "failed to read file " + shown(pathArg, path));
        }
    }

    private static FunctionException failure(boolean argumentAtFault, String reason) {
        return argumentAtFault ? FunctionException.argument(0, reason) : new FunctionException(reason);
    }

    /** The text of the file an argument names, which must be UTF-8. */
    private String read(Value pathArg) throws FunctionException {
        byte[] bytes = readBytes(pathArg, true);
        String shownPath = shown(pathArg, pathArg.unmark().asString());
        return Utf8.decode(bytes)
                .orElseThrow(
                        () -> new FunctionException(
                                "contents of " + shownPath
                                        + " are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents"
                                        + " or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead"));
    }

    private Function fileexists() {
        return Function.builder("fileexists")
                .param(Parameter.of("path", Type.STRING).allowingMarks())
                .returns(Type.BOOL)
                .impl((args, t) -> {
                    String path = resolve(args.get(0).unmark().asString());
                    Path p = Path.of(path);
                    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p)) {
                        return Value.FALSE;
                    }
                    if (Files.isRegularFile(p)) {
                        return Value.TRUE;
                    }
                    String name = shown(args.get(0), path);
                    // Terraform reports these against a second argument fileexists does not have, so
                    // they surface as a failure of the call.
                    throw new FunctionException(
                            Files.isDirectory(p)
                                    ? name + " is a directory, not a file"
                                    : name + " is not a regular file");
                })
                .build();
    }

    private Function fileset() {
        return Function.builder("fileset")
                .param("path", Type.STRING)
                .param("pattern", Type.STRING)
                .returns(Type.set(Type.STRING))
                .impl((args, t) -> {
                    String path = args.get(0).asString();
                    if (!GoPath.isAbsolute(path)) {
                        path = GoPath.join(baseDir, path);
                    }
                    String pattern = GoPath.join(path, args.get(1).asString());
                    Pattern glob;
                    try {
                        glob = Pattern.compile(GlobPattern.toRegex(pattern));
                    } catch (IllegalArgumentException e) {
                        throw new FunctionException(
                                "failed to glob pattern (" + pattern + "): syntax error in pattern");
                    }
                    List<Value> matches = new ArrayList<>();
                    Path root = Path.of(GoPath.clean(path));
                    if (Files.isDirectory(root)) {
                        try (Stream<Path> files = Files.walk(root)) {
                            for (Path f : files.filter(Files::isRegularFile).toList()) {
                                String relative = root.relativize(f).toString().replace('\\', '/');
                                if (glob.matcher(GoPath.join(GoPath.clean(path), relative))
                                        .matches()) {
                                    matches.add(Value.string(relative));
                                }
                            }
                        } catch (IOException e) {
                            throw new FunctionException("failed to glob pattern (" + pattern + "): " + e.getMessage());
                        }
                    }
                    return Value.set(Type.STRING, matches);
                })
                .build();
    }

    private Function templatefile() {
        return Function.builder("templatefile")
                .param(Parameter.of("path", Type.STRING).allowingMarks())
                .param("vars", Type.DYNAMIC)
                .returnType(args -> Type.DYNAMIC)
                .resultMayBeNull()
                .impl((args, t) -> {
                    Map<String, Value> vars = TemplateFunctions.variables(args.get(1));
                    String text = read(args.get(0));
                    return renderer.render(text, args.get(0).unmark().asString(), vars, templateFunctions.get())
                            .withMarks(args.get(0).marks());
                })
                .build();
    }
}
