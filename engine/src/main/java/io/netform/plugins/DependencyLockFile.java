package io.netform.plugins;

import io.netform.addrs.ProviderSource;
import io.netform.file.AtomicFile;
import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.HclParser;
import io.netform.hcl.ParseResult;
import io.netform.hcl.TemplatePart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dependency lock file {@code .netform.lock.hcl} in Terraform's format: one {@code provider}
 * block per provider source with {@code version}, {@code constraints} and {@code hashes}.
 */
public final class DependencyLockFile {

    /** The file's name in a configuration's root directory. */
    public static final String FILE_NAME = ".netform.lock.hcl";

    private static final String HEADER = """
            # This file is maintained automatically by "netform init".
            # Manual edits may be lost in future updates.
            """;

    private DependencyLockFile() {}

    /** Reads a lock file; a file that does not exist is an empty lock. */
    public static ParseResult<DependencyLock> read(Path file) {
        if (!Files.exists(file)) {
            return new ParseResult<>(DependencyLock.empty(), List.of());
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not read the dependency lock file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses lock file text; {@code name} is what diagnostics call the file. */
    public static ParseResult<DependencyLock> parse(String name, String text) {
        ParseResult<Body> parsed = HclParser.parseFile(name, text);
        List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        if (parsed.hasErrors()) {
            return new ParseResult<>(DependencyLock.empty(), diagnostics);
        }
        String[] lines = text.split("\\R", -1);
        DependencyLock lock = DependencyLock.empty();
        for (Block block : parsed.value().blocks()) {
            Optional<LockedProvider> entry = provider(block, lines, diagnostics);
            if (entry.isPresent()) {
                lock = lock.with(entry.get());
            }
        }
        for (Attribute attribute : parsed.value().attributes()) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported argument",
                    "The dependency lock file holds only provider" + " blocks; \"" + attribute.name()
                            + "\" is not expected here.",
                    attribute.nameRange()));
        }
        return new ParseResult<>(lock, diagnostics);
    }

    private static Optional<LockedProvider> provider(Block block, String[] lines, List<Diagnostic> diagnostics) {
        if (!block.type().equals("provider") || block.labels().size() != 1) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported block",
                    "The dependency lock file holds only blocks of the"
                            + " form provider \"HOST/NAMESPACE/TYPE\" { ... }.",
                    block.typeRange()));
            return Optional.empty();
        }
        ProviderSource source;
        try {
            source = ProviderSource.parse(block.labels().get(0).value());
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error(
                    "Invalid provider source",
                    e.getMessage() + ".",
                    block.labels().get(0).range()));
            return Optional.empty();
        }
        String version = null;
        String constraints = "";
        List<String> hashes = List.of();
        for (Attribute attribute : block.body().attributes()) {
            switch (attribute.name()) {
                case "version" -> version = string(attribute, diagnostics).orElse(null);
                case "constraints" ->
                    constraints = string(attribute, diagnostics).orElse("");
                case "hashes" -> hashes = strings(attribute, diagnostics);
                default ->
                    diagnostics.add(Diagnostic.error(
                            "Unsupported argument",
                            "A provider entry of the"
                                    + " dependency lock file has version, constraints and hashes; \"" + attribute.name()
                                    + "\" is not expected here.",
                            attribute.nameRange()));
            }
        }
        for (Block nested : block.body().blocks()) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported block",
                    "A provider entry of the dependency lock file" + " has no nested blocks.",
                    nested.typeRange()));
        }
        if (version == null) {
            diagnostics.add(Diagnostic.error(
                    "Missing version",
                    "The entry for " + source + " records no version;" + " run \"netform init\" to select one.",
                    block.typeRange()));
            return Optional.empty();
        }
        try {
            return Optional.of(new LockedProvider(
                    source,
                    Version.parse(version),
                    constraints,
                    hashes,
                    commentAbove(lines, block.range().start().line())));
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error("Invalid version", e.getMessage() + ".", block.typeRange()));
            return Optional.empty();
        }
    }

    private static Optional<String> string(Attribute attribute, List<Diagnostic> diagnostics) {
        Optional<String> literal = literal(attribute.expression());
        if (literal.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid " + attribute.name(),
                    "The " + attribute.name() + " of a lock file entry must be a literal string.",
                    attribute.expression().range()));
        }
        return literal;
    }

    private static List<String> strings(Attribute attribute, List<Diagnostic> diagnostics) {
        if (attribute.expression() instanceof Expression.Tuple tuple) {
            List<String> values = new ArrayList<>();
            for (Expression element : tuple.elements()) {
                Optional<String> literal = literal(element);
                if (literal.isEmpty()) {
                    diagnostics.add(
                            Diagnostic.error("Invalid hashes", "Each hash must be a literal string.", element.range()));
                }
                literal.ifPresent(values::add);
            }
            return values;
        }
        diagnostics.add(Diagnostic.error(
                "Invalid hashes",
                "The hashes of a lock file entry must be a list of" + " literal strings.",
                attribute.expression().range()));
        return List.of();
    }

    private static Optional<String> literal(Expression expression) {
        if (expression instanceof Expression.Template template
                && template.parts().stream().allMatch(p -> p instanceof TemplatePart.Literal)) {
            StringBuilder text = new StringBuilder();
            template.parts().forEach(p -> text.append(((TemplatePart.Literal) p).text()));
            return Optional.of(text.toString());
        }
        return Optional.empty();
    }

    /** The {@code #} lines directly above a block (line numbers are 1-based), without their markers. */
    private static String commentAbove(String[] lines, int blockLine) {
        int first = blockLine - 1;
        while (first > 0 && lines[first - 1].startsWith("#")) {
            first--;
        }
        List<String> comment = new ArrayList<>();
        for (int i = first; i < blockLine - 1; i++) {
            comment.add(lines[i].replaceFirst("^# ?", ""));
        }
        return String.join("\n", comment);
    }

    /** The text of a lock file holding {@code lock}. */
    public static String render(DependencyLock lock) {
        StringBuilder out = new StringBuilder(HEADER);
        for (LockedProvider entry : lock.providers()) {
            out.append('\n');
            if (!entry.comment().isEmpty()) {
                entry.comment()
                        .lines()
                        .forEach(line -> out.append("# ").append(line).append('\n'));
            }
            out.append("provider ").append(quote(entry.source().toString())).append(" {\n");
            if (entry.constraints().isEmpty()) {
                out.append("  version = ")
                        .append(quote(entry.version().toString()))
                        .append('\n');
            } else {
                out.append("  version     = ")
                        .append(quote(entry.version().toString()))
                        .append('\n');
                out.append("  constraints = ")
                        .append(quote(entry.constraints()))
                        .append('\n');
            }
            out.append("  hashes = [\n");
            entry.hashes()
                    .forEach(hash -> out.append("    ").append(quote(hash)).append(",\n"));
            out.append("  ]\n}\n");
        }
        return out.toString();
    }

    /** Writes the lock file atomically (a temporary file renamed over it), unless it already says exactly this. */
    public static void write(Path file, DependencyLock lock) {
        String text = render(lock);
        try {
            if (Files.exists(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return;
            }
            AtomicFile.replace(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not write the dependency lock file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String text) {
        return '"'
                + text.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("${", "$${")
                        .replace("%{", "%%{")
                + '"';
    }
}
