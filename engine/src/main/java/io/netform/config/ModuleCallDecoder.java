package io.netform.config;

import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.ObjectItem;
import io.netform.hcl.ObjectKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes a {@code module} block: meta-arguments here, the rest are the child's input variables. */
final class ModuleCallDecoder {

    private static final Set<String> META = Set.of("source", "version", "count", "for_each", "providers", "depends_on");

    private ModuleCallDecoder() {}

    /** The call, or null when it has no usable source (after a diagnostic). */
    static ModuleCall decode(String name, Block b, List<Diagnostic> diagnostics) {
        BodyContent c = BodyDecoder.partial(META, Map.of()).decode(b.body(), "module", diagnostics);
        for (Block nested : c.remaining().blocks()) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported block type",
                    "Blocks of type \"" + nested.type() + "\" are not expected in a module block.",
                    nested.typeRange()));
        }
        var sourceAttr = c.attribute("source");
        if (sourceAttr.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Missing required argument",
                    "The argument \"source\" is required, " + "but no definition was found.",
                    b.openBraceRange()));
            return null;
        }
        String source = Literals.string(sourceAttr.get().expression(), "source", diagnostics);
        if (source == null) {
            return null;
        }
        ModuleSource address;
        try {
            address = ModuleSource.parse(source);
        } catch (ModuleSource.Invalid e) {
            diagnostics.add(Diagnostic.error(
                    e.summary(), e.getMessage(), sourceAttr.get().expression().range()));
            return null;
        }
        c.attribute("version")
                .ifPresent(a -> diagnostics.add(Diagnostic.error(
                        "Module version constraints are not " + "supported",
                        "A version selects a release of a module from a module registry, which Netform does "
                                + "not use. Pin a git source to a tag or commit instead, e.g. source = "
                                + "\"git::https://host/repo.git//modules/x?ref=v1.2.0\", and remove the version argument.",
                        a.nameRange())));
        Expression count = c.attribute("count").map(Attribute::expression).orElse(null);
        Expression forEach = c.attribute("for_each").map(Attribute::expression).orElse(null);
        if (count != null && forEach != null) {
            diagnostics.add(Diagnostic.error(
                    "Invalid combination of \"count\" and \"for_each\"",
                    "The \"count\" and "
                            + "\"for_each\" meta-arguments are mutually-exclusive, only one should be used to be explicit "
                            + "about the number of module instances.",
                    c.attributes().get("for_each").nameRange()));
        }
        Map<String, String> providers = new LinkedHashMap<>();
        c.attribute("providers").ifPresent(a -> providerMap(a, providers, diagnostics));
        Map<String, Attribute> inputs = new LinkedHashMap<>();
        c.remaining().attributes().forEach(a -> inputs.put(a.name(), a));
        return new ModuleCall(
                name,
                source,
                address,
                count,
                forEach,
                inputs,
                providers,
                ModuleDecoder.dependsOn(c),
                b.labels().get(0).range());
    }

    private static void providerMap(Attribute a, Map<String, String> into, List<Diagnostic> diagnostics) {
        if (!(a.expression() instanceof Expression.ObjectCons cons)) {
            diagnostics.add(Diagnostic.error(
                    "Invalid providers argument",
                    "The providers argument must be a map " + "of provider references, such as { nsxt = nsxt.west }.",
                    a.expression().range()));
            return;
        }
        for (ObjectItem item : cons.items()) {
            Expression keyExpr = item.key() instanceof ObjectKey.Computed k ? k.expression() : null;
            String key = item.key() instanceof ObjectKey.Name n
                    ? n.name()
                    : Literals.traversalName(keyExpr, "provider reference", diagnostics);
            String value = Literals.traversalName(item.value(), "provider reference", diagnostics);
            if (key != null && value != null) {
                into.put(key, value);
            }
        }
    }
}
