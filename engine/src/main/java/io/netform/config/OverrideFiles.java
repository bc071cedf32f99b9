package io.netform.config;

import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.BlockLabel;
import io.netform.hcl.Body;
import io.netform.hcl.BodyItem;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.TemplatePart;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges override files into a module's primary files as Terraform does, before anything is decoded:
 * each top-level block of an override file merges into the primary block with the same header (type
 * and labels; a provider's alias counts too), its arguments replacing the original's and its nested
 * blocks replacing all original blocks of their type. A resource's {@code lifecycle} merges argument
 * by argument, local values one by one, {@code terraform} blocks setting by setting (required
 * providers provider by provider). An override of something that does not exist is an error.
 */
final class OverrideFiles {

    private static final Set<String> WITHOUT_DEPENDS_ON = Set.of("resource", "data", "output");

    private final List<List<BodyItem>> files = new ArrayList<>();
    private final List<Body> originals;
    private final List<BodyItem> appended = new ArrayList<>();
    private final List<Diagnostic> diagnostics;

    private OverrideFiles(List<Body> primaries, List<Diagnostic> diagnostics) {
        this.originals = primaries;
        this.diagnostics = diagnostics;
        primaries.forEach(b -> files.add(new ArrayList<>(b.items())));
    }

    /** The primary files with every override file merged in, in the order given (lexical by file name). */
    static List<Body> merge(List<Body> primaries, List<Body> overrides, List<Diagnostic> diagnostics) {
        if (overrides.isEmpty()) {
            return primaries;
        }
        OverrideFiles merger = new OverrideFiles(primaries, diagnostics);
        for (Body override : overrides) {
            for (BodyItem item : override.items()) {
                merger.item(item);
            }
        }
        List<Body> merged = new ArrayList<>();
        for (int i = 0; i < primaries.size(); i++) {
            merged.add(new Body(merger.files.get(i), merger.originals.get(i).range()));
        }
        if (!merger.appended.isEmpty()) {
            merged.add(new Body(
                    merger.appended, overrides.get(overrides.size() - 1).range()));
        }
        return merged;
    }

    private void item(BodyItem item) {
        if (!(item instanceof Block b)) {
            appended.add(item); // the decoder reports an argument out of place as it does in any file
            return;
        }
        switch (b.type()) {
            // settings merge one by one in the order they come, which is how SettingsDecoder reads several blocks
            case "terraform" -> appended.add(b);
            case "locals" -> b.body().attributes().forEach(this::local);
            case "moved", "import", "removed" ->
                diagnostics.add(Diagnostic.error(
                        "Cannot override '" + b.type() + "' blocks",
                        "The " + b.type() + " blocks can appear only in normal files, not in override " + "files.",
                        b.typeRange()));
            default -> block(b);
        }
    }

    private void local(Attribute override) {
        for (List<BodyItem> file : files) {
            for (int i = 0; i < file.size(); i++) {
                if (file.get(i) instanceof Block locals
                        && locals.type().equals("locals")
                        && locals.body().attributes().stream()
                                .anyMatch(a -> a.name().equals(override.name()))) {
                    List<BodyItem> items = new ArrayList<>(locals.body().items());
                    items.replaceAll(
                            a -> a instanceof Attribute attr && attr.name().equals(override.name()) ? override : a);
                    file.set(i, withBody(locals, new Body(items, locals.body().range())));
                    return;
                }
            }
        }
        diagnostics.add(Diagnostic.error(
                "Missing base local value definition to override",
                "There is no local "
                        + "value named \"" + override.name()
                        + "\". An override file can only override a local value that "
                        + "was already defined in a primary configuration file.",
                override.nameRange()));
    }

    private void block(Block override) {
        String header = header(override);
        for (List<BodyItem> file : files) {
            for (int i = 0; i < file.size(); i++) {
                if (file.get(i) instanceof Block base
                        && base.type().equals(override.type())
                        && header(base).equals(header)) {
                    file.set(i, merge(base, override));
                    return;
                }
            }
        }
        diagnostics.add(missingBase(override));
    }

    /** Terraform's error for an override block with nothing to override. */
    private static Diagnostic missingBase(Block b) {
        String first = b.labels().isEmpty() ? "" : b.labels().get(0).value();
        String second = b.labels().size() < 2 ? "" : b.labels().get(1).value();
        String[] text = switch (b.type()) {
            case "variable" ->
                new String[] {
                    "Missing base variable declaration to override",
                    "There is no variable "
                            + "named \"" + first + "\". An override file can only override a variable that was already "
                            + "declared in a primary configuration file."
                };
            case "output" ->
                new String[] {
                    "Missing base output definition to override",
                    "There is no output named \""
                            + first + "\". An override file can only override an output that was already defined in a "
                            + "primary configuration file."
                };
            case "provider" ->
                new String[] {
                    "Missing base provider configuration for override",
                    "There is no "
                            + first + " provider configuration"
                            + header(b).substring(("provider \"" + first + "\"").length())
                            + ". An override file can only override a provider configuration that was already defined in a "
                            + "primary configuration file."
                };
            case "module" ->
                new String[] {
                    "Missing module call to override",
                    "There is no module call named \""
                            + first
                            + "\". An override file can only override a module call that was defined in a primary "
                            + "configuration file."
                };
            case "resource" ->
                new String[] {
                    "Missing resource to override",
                    "There is no " + first + " resource "
                            + "named \"" + second
                            + "\". An override file can only override a resource block defined in a "
                            + "primary configuration file."
                };
            case "data" ->
                new String[] {
                    "Missing data resource to override",
                    "There is no " + first + " data "
                            + "resource named \"" + second
                            + "\". An override file can only override a data block defined in "
                            + "a primary configuration file."
                };
            default ->
                new String[] {
                    "Missing base " + b.type() + " block to override",
                    "There is no "
                            + header(b) + " block. An override file can only override a block defined in a primary "
                            + "configuration file."
                };
        };
        return Diagnostic.error(text[0], text[1], b.typeRange());
    }

    private Block merge(Block base, Block override) {
        if (WITHOUT_DEPENDS_ON.contains(base.type())) {
            override.body().attributes().stream()
                    .filter(a -> a.name().equals("depends_on"))
                    .forEach(a -> diagnostics.add(Diagnostic.error(
                            "Unsupported override",
                            "The depends_on argument may not be " + "overridden.",
                            a.nameRange())));
        }
        boolean resource = base.type().equals("resource") || base.type().equals("data");
        return withBody(base, mergeBodies(base.body(), override.body(), resource));
    }

    /** Arguments replace arguments; nested blocks replace every original block of their type. */
    private static Body mergeBodies(Body base, Body override, boolean mergeLifecycle) {
        List<BodyItem> items = new ArrayList<>(base.items());
        Set<String> replacedTypes = new HashSet<>();
        for (BodyItem item : override.items()) {
            if (item instanceof Block b && mergeLifecycle && b.type().equals("lifecycle")) {
                int at = indexOf(items, "lifecycle");
                if (at < 0) {
                    items.add(b);
                } else {
                    Block original = (Block) items.get(at);
                    items.set(at, withBody(original, mergeBodies(original.body(), b.body(), false)));
                }
                continue;
            }
            String name = nameOf(item);
            if (item instanceof Attribute || replacedTypes.add(name)) {
                int at = indexOf(items, name);
                items.removeIf(existing -> nameOf(existing).equals(name));
                items.add(at < 0 ? items.size() : Math.min(at, items.size()), item);
            } else {
                items.add(lastIndexOf(items, name) + 1, item);
            }
        }
        return new Body(items, base.range());
    }

    /** An argument's name, or the block type a block (also a {@code dynamic} one) stands for. */
    private static String nameOf(BodyItem item) {
        if (item instanceof Attribute a) {
            return a.name();
        }
        Block b = (Block) item;
        return b.type().equals("dynamic") && b.labels().size() == 1
                ? b.labels().get(0).value()
                : b.type();
    }

    private static int indexOf(List<BodyItem> items, String name) {
        for (int i = 0; i < items.size(); i++) {
            if (nameOf(items.get(i)).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<BodyItem> items, String name) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (nameOf(items.get(i)).equals(name)) {
                return i;
            }
        }
        return items.size() - 1;
    }

    /** The block header: type and labels, and for a provider configuration its alias. */
    private static String header(Block b) {
        StringBuilder header = new StringBuilder(b.type());
        for (BlockLabel label : b.labels()) {
            header.append(" \"").append(label.value()).append('"');
        }
        if (b.type().equals("provider")) {
            b.body().attributes().stream()
                    .filter(a -> a.name().equals("alias"))
                    .findFirst()
                    .ifPresent(a -> header.append(" (alias ")
                            .append(literalText(a.expression()))
                            .append(')'));
        }
        return header.toString();
    }

    private static String literalText(Expression e) {
        if (e instanceof Expression.Template t
                && t.parts().size() == 1
                && t.parts().get(0) instanceof TemplatePart.Literal l) {
            return "\"" + l.text() + "\"";
        }
        return e.range().toString();
    }

    private static Block withBody(Block b, Body body) {
        return new Block(b.type(), b.labels(), body, b.typeRange(), b.openBraceRange(), b.range());
    }
}
